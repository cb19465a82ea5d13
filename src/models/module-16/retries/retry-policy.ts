/**
 * gRPC's retry policy (gRFC A6, "gRPC Retry Design"): how many attempts a call may make and how long
 * it waits before each retry. Times are in seconds.
 *
 * A6 gives the ceiling of the wait before the n-th retry as min(initialBackoff · backoffMultiplier^(n−1),
 * maxBackoff). From 2017 until its August 2024 revision the document drew the wait uniformly from
 * [0, ceiling) ("full jitter"), which is what this course's lab implements; the revision changed the
 * draw to ceiling · random(0.8, 1.2). The ceiling is the same in both.
 */

/** A retry policy as gRFC A6's service config carries it (durations in seconds). */
export interface RetryPolicy {
  /** Attempts in all, the first one included: an integer >= 2. Values above 5 are treated as 5. */
  maxAttempts: number;
  /** The ceiling of the wait before the first retry, in seconds: > 0. */
  initialBackoff: number;
  /** No ceiling is ever above this, in seconds: > 0. */
  maxBackoff: number;
  /** What each further retry multiplies the ceiling by: > 0. */
  backoffMultiplier: number;
  /** The status codes worth retrying, such as 'UNAVAILABLE'. */
  retryableCodes: string[];
}

/** gRPC clients cap maxAttempts at 5 unless the client itself is configured otherwise (A6, "Limits"). */
export const MAX_ATTEMPTS_CAP = 5;

/**
 * Checks a policy and returns the number of attempts it allows: maxAttempts, capped at 5.
 * Throws a RangeError naming the first field that breaks its rule.
 */
export function checkRetryPolicy(policy: RetryPolicy): number {
  const { maxAttempts, initialBackoff, maxBackoff, backoffMultiplier } = policy;
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= 2)) throw new RangeError(`maxAttempts must be an integer >= 2 (got ${maxAttempts})`);
  // Written as !(x > 0) so that NaN fails too.
  if (!(initialBackoff > 0)) throw new RangeError(`initialBackoff must be a number of seconds > 0 (got ${initialBackoff})`);
  if (!(maxBackoff > 0)) throw new RangeError(`maxBackoff must be a number of seconds > 0 (got ${maxBackoff})`);
  if (!(backoffMultiplier > 0)) throw new RangeError(`backoffMultiplier must be a number > 0 (got ${backoffMultiplier})`);
  return Math.min(maxAttempts, MAX_ATTEMPTS_CAP);
}

/**
 * The upper bound of the random wait before the n-th retry since the last reset (n = 1, 2, …, an integer):
 * min(initialBackoff · backoffMultiplier^(n−1), maxBackoff).
 * @example backoffCeiling(3, { …, initialBackoff: 0.1, backoffMultiplier: 2, maxBackoff: 1 }) // 0.4
 */
export function backoffCeiling(n: number, policy: RetryPolicy): number {
  checkRetryPolicy(policy);
  // For a large n the power overflows to Infinity, and min() then returns the cap, as it should.
  return Math.min(policy.initialBackoff * policy.backoffMultiplier ** (n - 1), policy.maxBackoff);
}
