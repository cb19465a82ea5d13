// Classic mistake: callWithRetries never checks the policy, so maxAttempts 1 or a backoff of 0 s goes unnoticed.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ attempts: (policy) => Math.min(Math.max(policy.maxAttempts, 1), 5) });
