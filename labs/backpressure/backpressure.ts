/**
 * Lab: Backpressure.
 *
 * Build three mechanisms that keep an overloaded system alive: a bounded queue with overflow
 * policies, a circuit breaker, and an AIMD concurrency limiter. Then run `npm run grade backpressure`.
 *
 * Time is never read from Date.now: the breaker and the limiter read the `clock` they are given
 * (the tests give them a clock they move by hand). Times are in milliseconds.
 *
 * Bad options — a capacity or threshold that is not a positive integer, an unknown policy, a negative
 * or NaN duration, limits out of order, a backoff ratio outside (0, 1) — make the constructor throw a
 * RangeError whose message names the option, for example
 * `new RangeError('capacity must be an integer >= 1 (got 0)')`.
 *
 * Labs are checked as strict TypeScript with `noUncheckedIndexedAccess`: `items[i]` has the type
 * `T | undefined` until you check it. The grader shows type errors as warnings beside your score;
 * fix them as your editor shows them.
 */

/** A source of the current time, in milliseconds. */
export interface Clock {
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// 1. A bounded queue
// ---------------------------------------------------------------------------------------------

/**
 * What a full queue does with one more item:
 * - `reject`: the newcomer is turned away; the queue is unchanged.
 * - `drop-oldest`: the item that has waited longest is dropped to make room for the newcomer.
 * - `shed-lowest-priority`: the lowest-priority item among the queued ones and the newcomer is lost.
 *   Ties go against the later arrival: among queued items of equal lowest priority the newest one is
 *   shed, and a newcomer whose priority only ties the lowest is itself rejected.
 */
export type OverflowPolicy = 'reject' | 'drop-oldest' | 'shed-lowest-priority';

/** What became of an offered item, so the caller can tell what was lost, if anything. */
export type OfferResult<T> =
  /** The item was queued and nothing was lost. */
  | { outcome: 'accepted' }
  /** The item was queued, and `dropped`, which was queued before, was removed to make room. */
  | { outcome: 'replaced'; dropped: T }
  /** The item was not queued; the queue is unchanged. */
  | { outcome: 'rejected' };

/** Options of a {@link BoundedQueue}. */
export interface BoundedQueueOptions {
  /** The most items that may wait at once: an integer >= 1. */
  capacity: number;
  /** What to do when an item is offered to a full queue: one of the three policies. */
  overflow: OverflowPolicy;
}

/**
 * A FIFO queue of at most `capacity` items. Items leave in the order they were accepted, whatever the
 * policy; priorities only decide what is shed.
 */
export class BoundedQueue<T> {
  constructor(options: BoundedQueueOptions) {
    // TODO: check the options (RangeError naming `capacity` or `overflow`) and keep them.
    throw new Error('not implemented: BoundedQueue');
  }

  /** How many items are waiting. */
  get size(): number {
    throw new Error('not implemented: BoundedQueue.size');
  }

  /**
   * Offers an item. Below capacity it is always accepted; at capacity the overflow policy decides.
   * @param priority larger is more important; any finite number (else a RangeError naming `priority`).
   *   0 when left out. Only `shed-lowest-priority` looks at it.
   */
  offer(item: T, priority = 0): OfferResult<T> {
    // TODO
    throw new Error('not implemented: BoundedQueue.offer');
  }

  /** Removes and returns the item that has waited longest, or `undefined` when the queue is empty. */
  poll(): T | undefined {
    // TODO
    throw new Error('not implemented: BoundedQueue.poll');
  }
}

// ---------------------------------------------------------------------------------------------
// 2. A circuit breaker
// ---------------------------------------------------------------------------------------------

/** The three states of a breaker. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Options of a {@link CircuitBreaker}; all are required. */
export interface CircuitBreakerOptions {
  /** Where the time comes from. */
  clock: Clock;
  /** Consecutive failures, while closed, that trip the breaker open: an integer >= 1. */
  failureThreshold: number;
  /** How long the breaker stays open before it half-opens, in ms: a finite number >= 0. */
  openDurationMs: number;
  /** Trial calls let through while half-open, all of which must succeed to close it: an integer >= 1. */
  trialCalls: number;
}

/**
 * A breaker on the caller's side of a dependency. The caller asks `allowCall()` before each call and,
 * if allowed, reports the result with `recordSuccess()` or `recordFailure()`.
 * - closed: every call is allowed. A failure adds one to a count of consecutive failures and a success
 *   resets it to 0; when the count reaches `failureThreshold` the breaker opens.
 * - open: every call is refused, and results reported meanwhile (from calls made earlier) are ignored.
 *   Once `openDurationMs` have passed since it opened, the breaker is half-open.
 * - half-open: the first `trialCalls` calls are allowed and later ones refused. Each reported success
 *   counts; when `trialCalls` successes are in, the breaker closes with a count of 0. Any reported
 *   failure opens it again, for a full `openDurationMs` from that moment.
 */
export class CircuitBreaker {
  constructor(options: CircuitBreakerOptions) {
    // TODO: check the options (RangeError naming the option) and keep them.
    throw new Error('not implemented: CircuitBreaker');
  }

  /** The state at the clock's current time (an open breaker whose time is up reads 'half-open'). */
  get state(): BreakerState {
    throw new Error('not implemented: CircuitBreaker.state');
  }

  /** Asks to make one call: true lets it through (in half-open, as one of the trials); false means fail fast. */
  allowCall(): boolean {
    throw new Error('not implemented: CircuitBreaker.allowCall');
  }

  /** Reports that a call made through the breaker succeeded. */
  recordSuccess(): void {
    throw new Error('not implemented: CircuitBreaker.recordSuccess');
  }

  /** Reports that a call made through the breaker failed (an error or a timeout). */
  recordFailure(): void {
    throw new Error('not implemented: CircuitBreaker.recordFailure');
  }
}

// ---------------------------------------------------------------------------------------------
// 3. An AIMD concurrency limiter
// ---------------------------------------------------------------------------------------------

/**
 * How a request ended: `success`; `dropped` (rejected downstream, failed from overload, timed out);
 * or `ignored` (ended for a reason that says nothing about capacity: the slot is freed, the limit
 * left alone).
 */
export type Outcome = 'success' | 'dropped' | 'ignored';

/** Options of an {@link AimdLimiter}; the defaults are those of Netflix's AIMDLimit. */
export interface AimdLimiterOptions {
  /** Where the time comes from. */
  clock: Clock;
  /** The limit to start with: an integer from minLimit to maxLimit. 20 when left out. */
  initialLimit?: number;
  /** The limit never goes below this: an integer >= 1. 20 when left out. */
  minLimit?: number;
  /** The limit never goes above this: an integer >= minLimit. 200 when left out. */
  maxLimit?: number;
  /** The factor a drop multiplies the limit by (then rounded down): strictly between 0 and 1. 0.9 when left out. */
  backoffRatio?: number;
  /** A success that took longer than this, in ms, counts as a drop: a finite number > 0. 5000 when left out. */
  timeoutMs?: number;
}

/** Permission to run one request; release it exactly once, when the request ends. */
export interface Permit {
  /**
   * Frees the request's slot and reports how it ended. An unknown outcome throws a RangeError naming
   * `outcome`; a second release of the same permit throws an Error that says so, and changes nothing.
   */
  release(outcome: Outcome): void;
}

/**
 * - `tryAcquire()` grants a permit while `inFlight < limit`, and returns `undefined` otherwise.
 * - Releasing a permit frees its slot. Then, unless the outcome is `ignored`: a `dropped` outcome, or
 *   a `success` that took longer than `timeoutMs` (from `tryAcquire` to `release`), sets the limit to
 *   ⌊limit × backoffRatio⌋; any other success adds 1, but only if the request saw at least half the
 *   limit in use: 2 × (the number in flight just after its permit was granted, itself included) >= limit.
 * - Finally the limit is kept within [minLimit, maxLimit].
 */
export class AimdLimiter {
  constructor(options: AimdLimiterOptions) {
    // TODO: apply the defaults, check the options (RangeError naming the option) and keep them.
    throw new Error('not implemented: AimdLimiter');
  }

  /** The current concurrency limit: an integer in [minLimit, maxLimit]. */
  get limit(): number {
    throw new Error('not implemented: AimdLimiter.limit');
  }

  /** Requests holding a permit that has not been released. */
  get inFlight(): number {
    throw new Error('not implemented: AimdLimiter.inFlight');
  }

  /** A permit for one request, or `undefined` when `limit` requests are already in flight. */
  tryAcquire(): Permit | undefined {
    throw new Error('not implemented: AimdLimiter.tryAcquire');
  }
}
