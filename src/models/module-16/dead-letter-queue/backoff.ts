/**
 * Exponential backoff with "full jitter", as described by Marc Brooker on the AWS Architecture Blog
 * ("Exponential Backoff And Jitter", 2015): before retry n, wait a uniformly random time between 0 and
 * min(cap, base·2^(n−1)). The ceiling doubles with each failure so a struggling dependency gets room
 * to recover; the randomness spreads out clients (or messages) that failed at the same moment, so they
 * do not all come back at the same moment too.
 *
 * The blog writes the ceiling as min(cap, base·2^attempt) with attempt counted from 0; here the
 * argument is the number of failures so far, counted from 1, so retry 1 waits up to `baseMs`.
 */
import { integerAtLeast, positive } from '../../common/guards';
import type { Rng } from '../../common/rng';

/** How long retries may wait. */
export interface BackoffPolicy {
  /** The ceiling before the first retry, in milliseconds (> 0). */
  baseMs: number;
  /** No wait is ever longer than this, in milliseconds (>= baseMs). */
  capMs: number;
}

function checkPolicy({ baseMs, capMs }: BackoffPolicy): void {
  positive('baseMs', baseMs);
  positive('capMs', capMs);
  if (capMs < baseMs) throw new RangeError(`capMs must be >= baseMs (got capMs ${capMs}, baseMs ${baseMs})`);
}

// #region backoff
/** The longest wait before the retry that follows `failures` failed attempts: min(cap, base·2^(failures−1)). */
export function backoffCeilingMs(failures: number, policy: BackoffPolicy): number {
  integerAtLeast('failures', failures, 1);
  checkPolicy(policy);
  // 2^(failures−1) overflows to Infinity for huge counts, and min() then returns the cap, as it should.
  return Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1));
}

/** Full jitter: a wait drawn uniformly from [0, ceiling), so the mean wait is half the ceiling. */
export function fullJitterDelayMs(failures: number, policy: BackoffPolicy, rng: Rng): number {
  return rng.next() * backoffCeilingMs(failures, policy);
}
// #endregion backoff
