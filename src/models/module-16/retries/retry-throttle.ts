/**
 * gRPC's client-side retry throttling (gRFC A6, "Throttling Retry Attempts and Hedged RPCs"): one
 * token bucket per server, shared by every call the client makes to it. Failures take a whole token,
 * successes give back a fraction, and retries stop while half the bucket or less is left.
 */

/** Options of a {@link RetryThrottle}, as A6's `retryThrottling` config carries them. */
export interface RetryThrottleOptions {
  /** The bucket's size and starting level: a number with 0 < maxTokens <= 1000. */
  maxTokens: number;
  /** Tokens a success gives back: a number with 0 < tokenRatio <= 1. */
  tokenRatio: number;
}

/**
 * The token bucket. It starts full; every failure that counts takes 1 token, every success adds
 * tokenRatio, and the count never leaves [0, maxTokens]. Retries are allowed only while the count is
 * strictly above maxTokens / 2.
 *
 * With the defaults A6 shows (maxTokens 10, tokenRatio 0.1) a healthy client sits at 10 tokens; after
 * five failures in a row with no success between them the count is 5, and retries stop until
 * successes lift it above 5 again. In the long run retries continue only while failures stay below
 * about tokenRatio times the successes, so tokenRatio is the failure-to-success ratio the client tolerates.
 */
export class RetryThrottle {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  #tokens: number;

  constructor(options: RetryThrottleOptions) {
    const { maxTokens, tokenRatio } = options;
    if (!(maxTokens > 0 && maxTokens <= 1000)) throw new RangeError(`maxTokens must be a number with 0 < maxTokens <= 1000 (got ${maxTokens})`);
    if (!(tokenRatio > 0 && tokenRatio <= 1)) throw new RangeError(`tokenRatio must be a number with 0 < tokenRatio <= 1 (got ${tokenRatio})`);
    this.maxTokens = maxTokens;
    this.tokenRatio = tokenRatio;
    this.#tokens = maxTokens;
  }

  /** The tokens left, always within [0, maxTokens]. */
  get tokens(): number {
    return this.#tokens;
  }

  /** A call succeeded: add tokenRatio, up to maxTokens. */
  recordSuccess(): void {
    this.#tokens = Math.min(this.maxTokens, this.#tokens + this.tokenRatio);
  }

  /** A call failed in a way that counts (a retryable code, or pushback that says stop): take 1, down to 0. */
  recordFailure(): void {
    this.#tokens = Math.max(0, this.#tokens - 1);
  }

  /** Whether a failed call may be retried now: tokens > maxTokens / 2. */
  get allowsRetry(): boolean {
    return this.#tokens > this.maxTokens / 2;
  }
}
