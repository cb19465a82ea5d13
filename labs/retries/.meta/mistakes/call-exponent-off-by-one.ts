// Classic mistake: the call counts retries from 0 when it computes the wait, so it waits up to the ceiling of the next retry.
import { variantCall, referenceRules } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ ceiling: (n, policy) => referenceRules.ceiling(n + 1, policy) });
