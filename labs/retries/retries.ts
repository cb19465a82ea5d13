/**
 * Lab: retries — gRPC's retry policy, retry throttling and server pushback, as gRFC A6 defines them.
 *
 * Fill in each export below, then run `npm run grade retries` to see your score.
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 *
 * Times are in seconds. Nothing here may read a clock or call Math.random: `callWithRetries` sleeps
 * and draws random numbers only through the `env` it is given (the tests give it a fake one).
 *
 * Bad options throw a RangeError whose message names the field, for example
 * `new RangeError('maxAttempts must be an integer >= 2 (got 1)')`. For a policy that means
 * maxAttempts that is not an integer >= 2, or an initialBackoff, maxBackoff or backoffMultiplier that
 * is not > 0 (NaN included); for a throttle, a maxTokens outside 0 < maxTokens <= 1000 or a tokenRatio
 * outside 0 < tokenRatio <= 1. `callWithRetries` with a bad policy may throw or reject; either way
 * with that RangeError.
 */

/** A retry policy, as a gRPC service config carries it. */
export interface RetryPolicy {
  /** Attempts in all, the first one included: an integer >= 2. Values above 5 are treated as 5. */
  maxAttempts: number;
  /** The ceiling of the wait before the first retry, in seconds (> 0). */
  initialBackoff: number;
  /** No ceiling is ever above this, in seconds (> 0). */
  maxBackoff: number;
  /** What each further retry multiplies the ceiling by (> 0). */
  backoffMultiplier: number;
  /** The status codes worth retrying, e.g. ['UNAVAILABLE']. */
  retryableCodes: string[];
}

/**
 * The upper bound of the random wait before the n-th retry since the last reset (n = 1, 2, …):
 * min(initialBackoff · backoffMultiplier^(n−1), maxBackoff).
 */
export function backoffCeiling(n: number, policy: RetryPolicy): number {
  // TODO: check the policy, then apply the formula.
  throw new Error('not implemented: backoffCeiling');
}

/**
 * Client-side retry throttling: one token bucket shared by every call to one server.
 * - It starts with maxTokens tokens, and the count always stays within [0, maxTokens].
 * - recordSuccess() adds tokenRatio; recordFailure() takes 1 away.
 * - Retries are allowed while tokens > maxTokens / 2 (strictly above).
 */
export class RetryThrottle {
  /** @param options 0 < maxTokens <= 1000 and 0 < tokenRatio <= 1, else a RangeError naming the field. */
  constructor(options: { maxTokens: number; tokenRatio: number }) {
    // TODO: check the options and keep them.
    throw new Error('not implemented: RetryThrottle');
  }

  /** The tokens left: starts at maxTokens, always within [0, maxTokens]. */
  get tokens(): number {
    throw new Error('not implemented: RetryThrottle.tokens');
  }

  /** A call succeeded: + tokenRatio. */
  recordSuccess(): void {
    throw new Error('not implemented: RetryThrottle.recordSuccess');
  }

  /** A call failed in a way that counts: − 1. */
  recordFailure(): void {
    throw new Error('not implemented: RetryThrottle.recordFailure');
  }

  /** Whether a failed call may be retried now: tokens > maxTokens / 2. */
  get allowsRetry(): boolean {
    throw new Error('not implemented: RetryThrottle.allowsRetry');
  }
}

/** What a retrying call gets from the world around it. */
export interface RetryEnv {
  /** Waits this many seconds. */
  sleep(seconds: number): Promise<void>;
  /** A uniform random number in [0, 1). */
  random(): number;
  /** The token bucket of the server being called, if the client throttles retries. */
  throttle?: RetryThrottle;
}

/**
 * Calls attempt(1), attempt(2), … until one resolves, and resolves with its value; otherwise rejects
 * with the last attempt's error.
 *
 * A failed attempt rejects with an object that has `code: string` and may have `pushbackMs: string`,
 * the raw value of gRPC's `grpc-retry-pushback-ms` metadata.
 * - A success calls `throttle.recordSuccess()`.
 * - A failure calls `throttle.recordFailure()` when its code is retryable or its pushback says not to
 *   retry (below).
 * - A failure is not retried when its code is not in `retryableCodes`; when its pushback is present
 *   but is not a non-negative 32-bit integer written in decimal without leading zeros (the server
 *   says: do not retry); when the attempts are used up; or when the throttle does not allow a retry.
 * - Otherwise the call sleeps and tries again. With a pushback, it sleeps for the pushback's
 *   milliseconds, and the backoff sequence restarts at n = 1 afterwards. Without one, it sleeps for
 *   `random() · backoffCeiling(n, policy)`, where n counts the retries since the last reset.
 */
export function callWithRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, env: RetryEnv): Promise<T> {
  // TODO
  throw new Error('not implemented: callWithRetries');
}
