// Classic mistake: maxAttempts read as the number of retries, so the call makes one attempt too many.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ attempts: (policy) => Math.min(policy.maxAttempts, 5) + 1 });
