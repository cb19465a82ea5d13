/**
 * Time for the course's mechanisms, injected so that tests and widgets control it. Never Date.now in a
 * model: a circuit breaker, a retry backoff or a cache TTL reads the clock it was given.
 */

/** A source of the current time, in milliseconds. */
export interface Clock {
  now(): number;
}

/** A clock that moves only when told to: for tests, simulations and step-through widgets. */
export class ManualClock implements Clock {
  #now: number;

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new RangeError(`startMs must be a finite number (got ${startMs})`);
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward by `ms` (>= 0). */
  advance(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`ms must be a finite number >= 0 (got ${ms})`);
    this.#now += ms;
  }

  /** Sets the time, which may not go backwards. */
  set(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= this.#now)) throw new RangeError(`ms must be >= the current time ${this.#now} (got ${ms})`);
    this.#now = ms;
  }
}
