// Subtle mistake: reads the in-flight count when the permit is released instead of when it was granted, unlike Netflix's limiter.
import { AimdLimiter as Reference, type AimdLimiterOptions, type Clock, type Outcome, type Permit } from '../solution';
export * from '../solution';

export class AimdLimiter {
  readonly #clock: Clock;
  readonly #minLimit: number;
  readonly #maxLimit: number;
  readonly #backoffRatio: number;
  readonly #timeoutMs: number;
  #limit: number;
  #inFlight = 0;

  constructor(options: AimdLimiterOptions) {
    new Reference(options); // the option checks are right; the mistake is below
    const { clock, initialLimit = 20, minLimit = 20, maxLimit = 200, backoffRatio = 0.9, timeoutMs = 5000 } = options;
    this.#clock = clock;
    this.#minLimit = minLimit;
    this.#maxLimit = maxLimit;
    this.#backoffRatio = backoffRatio;
    this.#timeoutMs = timeoutMs;
    this.#limit = initialLimit;
  }

  get limit(): number {
    return this.#limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  tryAcquire(): Permit | undefined {
    if (this.#inFlight >= this.#limit) return undefined;
    const inFlightAtStart = ++this.#inFlight;
    const startedAt = this.#clock.now();
    let released = false;
    return {
      release: (outcome: Outcome): void => {
        if (!['success', 'dropped', 'ignored'].includes(outcome)) throw new RangeError(`outcome must be success, dropped or ignored (got ${outcome})`);
        if (released) throw new Error('this permit was already released');
        released = true;
        this.#inFlight--;
        if (outcome === 'ignored') return;
        let next = this.#limit;
        if (outcome === 'dropped' || this.#clock.now() - startedAt > this.#timeoutMs) next = Math.floor(next * this.#backoffRatio);
        else if (2 * (this.#inFlight + 1) >= next) next += 1; // this.#inFlight no longer counts the request itself
        this.#limit = Math.min(this.#maxLimit, Math.max(this.#minLimit, next));
      },
    };
  }
}
