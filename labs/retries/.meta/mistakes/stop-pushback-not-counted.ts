// Classic mistake: only retryable codes count against the throttle, not a pushback that says stop.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ counts: (retryable) => retryable });
