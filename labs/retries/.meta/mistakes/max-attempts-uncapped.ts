// Classic mistake: maxAttempts above 5 honoured, so a service config can ask clients for 100 attempts.
import { referenceRules, variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  attempts: (policy) => {
    referenceRules.attempts(policy);
    return policy.maxAttempts;
  },
});
