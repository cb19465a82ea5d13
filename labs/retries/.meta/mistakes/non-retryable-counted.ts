// Classic mistake: every failure counts against the throttle, so a client's own bad requests stop its retries.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ counts: () => true });
