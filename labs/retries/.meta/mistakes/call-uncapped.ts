// Classic mistake: the call's waits keep doubling past maxBackoff.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ ceiling: (n, policy) => policy.initialBackoff * policy.backoffMultiplier ** (n - 1) });
