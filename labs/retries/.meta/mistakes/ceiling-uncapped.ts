// Classic mistake: no cap, so the ceiling keeps doubling past maxBackoff.
import type { RetryPolicy } from '../solution';
import { referenceRules } from '../support/variants';
export * from '../solution';

export function backoffCeiling(n: number, policy: RetryPolicy): number {
  referenceRules.attempts(policy);
  return policy.initialBackoff * policy.backoffMultiplier ** (n - 1);
}
