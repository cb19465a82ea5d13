// Classic mistake: backoffCeiling never checks the policy, so a multiplier of 0 or NaN goes unnoticed.
import type { RetryPolicy } from '../solution';
import { referenceRules } from '../support/variants';
export * from '../solution';

export function backoffCeiling(n: number, policy: RetryPolicy): number {
  return referenceRules.ceiling(n, policy);
}
