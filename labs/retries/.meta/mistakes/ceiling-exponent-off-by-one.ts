// Classic mistake: the exponent counts from 1, so the first retry already waits up to initialBackoff · multiplier.
import type { RetryPolicy } from '../solution';
import { referenceRules } from '../support/variants';
export * from '../solution';

export function backoffCeiling(n: number, policy: RetryPolicy): number {
  referenceRules.attempts(policy);
  return Math.min(policy.initialBackoff * policy.backoffMultiplier ** n, policy.maxBackoff);
}
