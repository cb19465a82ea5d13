/**
 * An adaptive concurrency limiter with additive increase and multiplicative decrease (AIMD), after
 * the AIMDLimit and SimpleLimiter of Netflix's concurrency-limits library: a request may start only
 * while fewer than `limit` are in flight; each result then nudges the limit up by one or cuts it by a
 * factor. The limit is an estimate of the concurrency the dependency can take, which by Little's Law
 * is its throughput times its latency.
 *
 * Time comes from the injected clock (to spot slow requests), so tests and simulations control it.
 * This module is part of the reference solution of the `backpressure` lab.
 */
import type { Clock } from '../../common/clock';
import { integerAtLeast, openUnitInterval, positive } from '../../common/guards';

/**
 * How a request ended, as its caller reports it:
 * - `success`: it completed (if it took longer than `timeoutMs`, it counts as a drop);
 * - `dropped`: it was rejected downstream, failed from overload, or timed out;
 * - `ignored`: it ended for a reason that says nothing about capacity (cancelled by its own client,
 *   say): its slot is freed and the limit is left alone.
 */
export type Outcome = 'success' | 'dropped' | 'ignored';

const OUTCOMES: readonly Outcome[] = ['success', 'dropped', 'ignored'];

/** Options of an {@link AimdLimiter}; the defaults are those of Netflix's AIMDLimit. */
export interface AimdLimiterOptions {
  /** Where the time comes from, in milliseconds. */
  clock: Clock;
  /** The limit to start with: an integer from minLimit to maxLimit. @default 20 */
  initialLimit?: number;
  /** The limit never goes below this: an integer >= 1. @default 20 */
  minLimit?: number;
  /** The limit never goes above this: an integer >= minLimit. @default 200 */
  maxLimit?: number;
  /** The factor a drop multiplies the limit by (then rounded down): strictly between 0 and 1. @default 0.9 */
  backoffRatio?: number;
  /** A success that took longer than this, in ms, counts as a drop: a finite number > 0. @default 5000 */
  timeoutMs?: number;
}

/** Permission to run one request; release it exactly once, when the request ends. */
export interface Permit {
  /** Frees the request's slot and reports how it ended. A second release throws an Error that says so. */
  release(outcome: Outcome): void;
}

/**
 * The rules, precisely:
 * - `tryAcquire()` grants a permit while `inFlight < limit`, and returns `undefined` otherwise.
 * - Releasing a permit frees its slot. Then, unless the outcome is `ignored`:
 *   a `dropped` outcome, or a `success` that took longer than `timeoutMs` (measured from `tryAcquire`),
 *   sets the limit to ⌊limit × backoffRatio⌋; any other success adds 1, but only if the request saw
 *   at least half the limit in use: 2 × (the number in flight just after its permit was granted,
 *   itself included) >= limit.
 * - Finally the limit is kept within [minLimit, maxLimit].
 */
export class AimdLimiter {
  readonly #clock: Clock;
  readonly #minLimit: number;
  readonly #maxLimit: number;
  readonly #backoffRatio: number;
  readonly #timeoutMs: number;
  #limit: number;
  #inFlight = 0;

  constructor(options: AimdLimiterOptions) {
    const { clock, initialLimit = 20, minLimit = 20, maxLimit = 200, backoffRatio = 0.9, timeoutMs = 5000 } = options;
    this.#clock = clock;
    this.#minLimit = integerAtLeast('minLimit', minLimit, 1);
    this.#maxLimit = integerAtLeast('maxLimit', maxLimit, minLimit);
    this.#limit = integerAtLeast('initialLimit', initialLimit, minLimit);
    if (initialLimit > maxLimit) throw new RangeError(`initialLimit must be <= maxLimit (${maxLimit}) (got ${initialLimit})`);
    this.#backoffRatio = openUnitInterval('backoffRatio', backoffRatio);
    this.#timeoutMs = positive('timeoutMs', timeoutMs);
  }

  /** The current concurrency limit: an integer in [minLimit, maxLimit]. */
  get limit(): number {
    return this.#limit;
  }

  /** Requests holding a permit that has not been released. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** A permit for one request, or `undefined` when `limit` requests are already in flight. */
  tryAcquire(): Permit | undefined {
    if (this.#inFlight >= this.#limit) return undefined;
    const inFlightAtStart = ++this.#inFlight;
    const startedAt = this.#clock.now();
    let released = false;
    return {
      release: (outcome: Outcome): void => {
        if (!OUTCOMES.includes(outcome)) throw new RangeError(`outcome must be 'success', 'dropped' or 'ignored' (got ${String(outcome)})`);
        if (released) throw new Error('this permit was already released');
        released = true;
        this.#inFlight--;
        if (outcome !== 'ignored') this.#update(outcome === 'dropped' || this.#clock.now() - startedAt > this.#timeoutMs, inFlightAtStart);
      },
    };
  }

  #update(dropped: boolean, inFlightAtStart: number): void {
    let next = this.#limit;
    if (dropped) next = Math.floor(next * this.#backoffRatio);
    else if (2 * inFlightAtStart >= next) next += 1;
    this.#limit = Math.min(this.#maxLimit, Math.max(this.#minLimit, next));
  }
}
