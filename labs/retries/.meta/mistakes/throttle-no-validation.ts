// Classic mistake: the throttle accepts any options, such as a tokenRatio of 1.5 or 2000 tokens.
import { VariantThrottle } from '../support/variants';
export * from '../solution';

export class RetryThrottle {
  readonly #inner: VariantThrottle;
  constructor(options: { maxTokens: number; tokenRatio: number }) {
    this.#inner = new VariantThrottle({ maxTokens: Math.min(Math.max(options.maxTokens, 1), 1000), tokenRatio: Math.min(Math.max(options.tokenRatio, 0.001), 1) });
  }
  get tokens(): number {
    return this.#inner.tokens;
  }
  recordSuccess(): void {
    this.#inner.recordSuccess();
  }
  recordFailure(): void {
    this.#inner.recordFailure();
  }
  get allowsRetry(): boolean {
    return this.#inner.allowsRetry;
  }
}
