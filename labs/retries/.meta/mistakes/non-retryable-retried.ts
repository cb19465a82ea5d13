// Classic mistake: every failure is retried, INVALID_ARGUMENT included, so bad requests are sent again and again.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ retryable: () => true });
