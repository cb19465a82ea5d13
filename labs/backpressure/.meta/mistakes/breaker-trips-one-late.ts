// Off-by-one mistake: trips on the failure after failureThreshold (> where >= belongs).
import { CircuitBreaker as Reference, type BreakerState, type CircuitBreakerOptions } from '../solution';
export * from '../solution';

export class CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trials = 0;
  #successes = 0;

  constructor(options: CircuitBreakerOptions) {
    new Reference(options); // the option checks are right; the mistake is below
    this.#options = options;
  }

  get state(): BreakerState {
    this.#catchUp();
    return this.#state;
  }

  allowCall(): boolean {
    this.#catchUp();
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') return false;
    if (this.#trials >= this.#options.trialCalls) return false;
    this.#trials++;
    return true;
  }

  recordSuccess(): void {
    this.#catchUp();
    if (this.#state === 'closed') this.#failures = 0;
    else if (this.#state === 'half-open' && ++this.#successes >= this.#options.trialCalls) {
      this.#state = 'closed';
      this.#failures = 0;
    }
  }

  recordFailure(): void {
    this.#catchUp();
    if (this.#state === 'closed' && ++this.#failures > this.#options.failureThreshold) this.#open();
    else if (this.#state === 'half-open') this.#open();
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.#options.clock.now();
  }

  #catchUp(): void {
    if (this.#state === 'open' && this.#options.clock.now() - this.#openedAt >= this.#options.openDurationMs) {
      this.#state = 'half-open';
      this.#trials = 0;
      this.#successes = 0;
    }
  }
}
