// A second, plain implementation of the backpressure lab's three mechanisms, in which every rule is a
// small method, so that each file in mistakes/ can break exactly one rule by overriding one method.
// (The course's models keep their state in private fields, which a subclass cannot reach.) With no
// method overridden, each class behaves like the reference; the option checks are the reference's own.
import {
  AimdLimiter as ReferenceLimiter,
  BoundedQueue as ReferenceQueue,
  CircuitBreaker as ReferenceBreaker,
  type AimdLimiterOptions,
  type BoundedQueueOptions,
  type BreakerState,
  type CircuitBreakerOptions,
  type Clock,
  type OfferResult,
  type OverflowPolicy,
  type Outcome,
  type Permit,
} from '../solution';

export interface Entry<T> {
  item: T;
  priority: number;
}

export class VariantQueue<T> {
  protected readonly capacity: number;
  protected readonly overflow: OverflowPolicy;
  protected readonly entries: Entry<T>[] = [];

  constructor(options: BoundedQueueOptions) {
    new ReferenceQueue<T>(options);
    this.capacity = options.capacity;
    this.overflow = options.overflow;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether a newcomer fits without losing anything. */
  protected hasRoom(): boolean {
    return this.entries.length < this.capacity;
  }

  /** drop-oldest: take out the item that has waited longest. */
  protected takeOldest(): Entry<T> {
    return this.entries.shift()!;
  }

  /** What drop-oldest reports after replacing `dropped`. */
  protected dropOldestResult(dropped: Entry<T>): OfferResult<T> {
    return { outcome: 'replaced', dropped: dropped.item };
  }

  /** Whether `candidate` is a better item to shed than `current` (the lowest; among ties, the newest). */
  protected shedsBefore(candidate: Entry<T>, current: Entry<T>): boolean {
    return candidate.priority <= current.priority;
  }

  /** Whether a newcomer of `priority` is turned away rather than displacing `victim`. */
  protected newcomerLoses(priority: number, victim: Entry<T>): boolean {
    return priority <= victim.priority;
  }

  offer(item: T, priority = 0): OfferResult<T> {
    if (!Number.isFinite(priority)) throw new RangeError(`priority must be a finite number (got ${priority})`);
    if (this.hasRoom()) {
      this.entries.push({ item, priority });
      return { outcome: 'accepted' };
    }
    if (this.overflow === 'reject') return { outcome: 'rejected' };
    if (this.overflow === 'drop-oldest') {
      const oldest = this.takeOldest();
      this.entries.push({ item, priority });
      return this.dropOldestResult(oldest);
    }
    let victim = 0;
    for (let i = 1; i < this.entries.length; i++) {
      if (this.shedsBefore(this.entries[i]!, this.entries[victim]!)) victim = i;
    }
    if (this.newcomerLoses(priority, this.entries[victim]!)) return { outcome: 'rejected' };
    const [shed] = this.entries.splice(victim, 1);
    this.entries.push({ item, priority });
    return { outcome: 'replaced', dropped: shed!.item };
  }

  poll(): T | undefined {
    return this.entries.shift()?.item;
  }
}

export class VariantBreaker {
  protected readonly options: CircuitBreakerOptions;
  protected currentState: BreakerState = 'closed';
  protected failures = 0;
  protected openedAt = 0;
  protected trials = 0;
  protected successes = 0;

  constructor(options: CircuitBreakerOptions) {
    new ReferenceBreaker(options);
    this.options = options;
  }

  /** Closed: whether this many failures in a row open the breaker. */
  protected trips(): boolean {
    return this.failures >= this.options.failureThreshold;
  }

  /** Open: whether it has been open long enough to half-open. */
  protected halfOpenDue(elapsedMs: number): boolean {
    return elapsedMs >= this.options.openDurationMs;
  }

  /** Half-open: whether one more trial call may go through. */
  protected admitsTrial(): boolean {
    return this.trials < this.options.trialCalls;
  }

  /** Half-open: whether the trials so far are enough to close. */
  protected closes(): boolean {
    return this.successes >= this.options.trialCalls;
  }

  /** Closed: what a success does. */
  protected successWhileClosed(): void {
    this.failures = 0;
  }

  /** Open: what a late failure (from a call made before it opened) does. */
  protected failureWhileOpen(): void {}

  protected close(): void {
    this.currentState = 'closed';
    this.failures = 0;
  }

  protected open(): void {
    this.currentState = 'open';
    this.openedAt = this.options.clock.now();
  }

  /** Half-open: what a failed trial does. */
  protected reopen(): void {
    this.open();
  }

  get state(): BreakerState {
    this.catchUp();
    return this.currentState;
  }

  allowCall(): boolean {
    this.catchUp();
    if (this.currentState === 'closed') return true;
    if (this.currentState === 'open') return false;
    if (!this.admitsTrial()) return false;
    this.trials++;
    return true;
  }

  recordSuccess(): void {
    this.catchUp();
    if (this.currentState === 'closed') this.successWhileClosed();
    else if (this.currentState === 'half-open') {
      this.successes++;
      if (this.closes()) this.close();
    }
  }

  recordFailure(): void {
    this.catchUp();
    if (this.currentState === 'closed') {
      this.failures++;
      if (this.trips()) this.open();
    } else if (this.currentState === 'half-open') this.reopen();
    else this.failureWhileOpen();
  }

  protected catchUp(): void {
    if (this.currentState === 'open' && this.halfOpenDue(this.options.clock.now() - this.openedAt)) {
      this.currentState = 'half-open';
      this.trials = 0;
      this.successes = 0;
    }
  }
}

export class VariantLimiter {
  protected readonly clock: Clock;
  protected readonly minLimit: number;
  protected readonly maxLimit: number;
  protected readonly backoffRatio: number;
  protected readonly timeoutMs: number;
  protected currentLimit: number;
  protected inFlightNow = 0;

  constructor(options: AimdLimiterOptions) {
    new ReferenceLimiter(options);
    const { clock, initialLimit = 20, minLimit = 20, maxLimit = 200, backoffRatio = 0.9, timeoutMs = 5000 } = options;
    this.clock = clock;
    this.minLimit = minLimit;
    this.maxLimit = maxLimit;
    this.backoffRatio = backoffRatio;
    this.timeoutMs = timeoutMs;
    this.currentLimit = initialLimit;
  }

  get limit(): number {
    return this.currentLimit;
  }

  get inFlight(): number {
    return this.inFlightNow;
  }

  /** Whether an outcome after `elapsedMs` counts as a drop. */
  protected isDrop(outcome: Outcome, elapsedMs: number): boolean {
    return outcome === 'dropped' || elapsedMs > this.timeoutMs;
  }

  protected backoff(limit: number): number {
    return Math.floor(limit * this.backoffRatio);
  }

  /** Whether a success grows the limit: only when the request saw at least half of it in use. */
  protected grows(inFlightAtStart: number, limit: number): boolean {
    return 2 * inFlightAtStart >= limit;
  }

  protected bound(limit: number): number {
    return Math.min(this.maxLimit, Math.max(this.minLimit, limit));
  }

  /** Whether an `ignored` outcome leaves the limit alone. */
  protected skipsIgnored(): boolean {
    return true;
  }

  /** Whether releasing the same permit twice is refused. */
  protected refusesSecondRelease(): boolean {
    return true;
  }

  tryAcquire(): Permit | undefined {
    if (this.inFlightNow >= this.currentLimit) return undefined;
    const inFlightAtStart = ++this.inFlightNow;
    const startedAt = this.clock.now();
    let released = false;
    return {
      release: (outcome: Outcome): void => {
        if (!['success', 'dropped', 'ignored'].includes(outcome)) throw new RangeError(`outcome must be success, dropped or ignored (got ${outcome})`);
        if (released && this.refusesSecondRelease()) throw new Error('this permit was already released');
        released = true;
        this.inFlightNow--;
        if (outcome === 'ignored' && this.skipsIgnored()) return;
        let next = this.currentLimit;
        if (this.isDrop(outcome, this.clock.now() - startedAt)) next = this.backoff(next);
        else if (this.grows(inFlightAtStart, next)) next += 1;
        this.currentLimit = this.bound(next);
      },
    };
  }
}
