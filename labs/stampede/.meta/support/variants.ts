// Second, plain implementations of the stampede lab's three parts in which every rule is a small
// method, so that each file in mistakes/ can break exactly one rule by overriding one method. (The
// course's models keep their state in private fields and closures, which a subclass cannot reach.) With
// nothing overridden each behaves like the reference; the option checks are the reference's own.
import { simulateHerd as referenceHerd, SwrCache as ReferenceSwr, type HerdResult, type HerdScenario, type SwrCacheOptions } from '../solution';

export class VariantSingleFlight {
  protected readonly inFlight = new Map<string, Promise<unknown>>();

  /** The key under which a call is coalesced. */
  protected slot(key: string): string {
    return key;
  }

  /** Starts a load, turning a synchronous throw into a rejection. */
  protected start<T>(load: () => Promise<T>): Promise<T> {
    try {
      return Promise.resolve(load());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** What is shared with the callers: the load, forgetting the key once it settles. */
  protected share<T>(slot: string, started: Promise<T>): Promise<T> {
    return started.finally(() => this.inFlight.delete(slot));
  }

  /** What a caller who joins an in-flight load gets. */
  protected join<T>(pending: Promise<T>): Promise<T> {
    return pending;
  }

  coalesce<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (typeof load !== 'function') throw new TypeError(`load must be a function (got ${typeof load})`);
    const slot = this.slot(key);
    const pending = this.inFlight.get(slot);
    if (pending !== undefined) return this.join(pending as Promise<T>);
    const shared = this.share(slot, this.start(load));
    this.inFlight.set(slot, shared);
    return shared;
  }
}

export interface SwrEntry<V> {
  value: V;
  loadedAt: number;
}

export class VariantSwrCache<V> {
  protected readonly now: () => number;
  protected readonly ttl: number;
  protected readonly window: number;
  protected readonly entries = new Map<string, SwrEntry<V>>();
  protected readonly flights = new VariantSingleFlight();

  constructor(options: SwrCacheOptions) {
    new ReferenceSwr<V>(options);
    this.now = options.now;
    this.ttl = options.ttl;
    this.window = options.staleWhileRevalidate;
  }

  protected isFresh(age: number): boolean {
    return age < this.ttl;
  }

  protected isUsable(age: number): boolean {
    return age < this.ttl + this.window;
  }

  /** A stale get: answer with the stale value, refreshing in the background. */
  protected serveStale(key: string, entry: SwrEntry<V>, load: () => Promise<V>): Promise<V> {
    this.refresh(key, load).catch(() => undefined);
    return Promise.resolve(entry.value);
  }

  /** The refresh a stale get makes sure is under way. */
  protected refresh(key: string, load: () => Promise<V>): Promise<V> {
    return this.load(key, load);
  }

  /** A failed load: nothing to change by default. */
  protected failed(key: string): void {
    void key;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      const age = this.now() - entry.loadedAt;
      if (this.isFresh(age)) return Promise.resolve(entry.value);
      if (this.isUsable(age)) return this.serveStale(key, entry, load);
    }
    return this.load(key, load);
  }

  protected load(key: string, load: () => Promise<V>): Promise<V> {
    return this.flights.coalesce(key, () => this.fetch(key, load));
  }

  protected async fetch(key: string, load: () => Promise<V>): Promise<V> {
    const started = this.now();
    try {
      const value = await load();
      this.store(key, value, started, this.now());
      return value;
    } catch (error) {
      this.failed(key);
      throw error;
    }
  }

  protected store(key: string, value: V, started: number, finished: number): void {
    void started;
    this.entries.set(key, { value, loadedAt: finished });
  }
}

/** A reader's decision in the variant harness. */
export type Decision = 'hit' | 'stale' | 'revalidate' | 'join' | 'load';

export interface HerdState {
  now: number;
  expiry: number;
  inFlight: number;
}

/** A plain harness with hooks; its option checks are the reference's own. */
export class VariantHerd {
  constructor(protected readonly scenario: HerdScenario) {}

  /** Whether a load that ends at `end` has finished for a reader arriving at `now`. */
  protected finished(end: number, now: number): boolean {
    return end <= now;
  }

  protected expiryOf(start: number): number {
    return start + this.scenario.loadTime + this.scenario.ttl;
  }

  /** XFetch's scale, δβ. */
  protected lookAhead(): number {
    return this.scenario.loadTime * (this.scenario.beta ?? 1);
  }

  protected xfetch(state: HerdState): Decision {
    if (state.now >= state.expiry) return 'load';
    return state.now - this.lookAhead() * Math.log(this.scenario.random!()) >= state.expiry ? 'load' : 'hit';
  }

  protected staleDecision(state: HerdState): Decision {
    return state.inFlight > 0 ? 'stale' : 'revalidate';
  }

  protected staleUntil(expiry: number): number {
    return expiry + this.scenario.staleWindow!;
  }

  protected decide(state: HerdState): Decision {
    const fresh = state.now < state.expiry;
    switch (this.scenario.strategy) {
      case 'none':
        return fresh ? 'hit' : 'load';
      case 'single-flight':
        return fresh ? 'hit' : state.inFlight > 0 ? 'join' : 'load';
      case 'xfetch':
        return this.xfetch(state);
      default:
        if (fresh) return 'hit';
        if (state.now < this.staleUntil(state.expiry)) return this.staleDecision(state);
        return state.inFlight > 0 ? 'join' : 'load';
    }
  }

  protected peak(loads: number, inFlight: number): number {
    void loads;
    return inFlight;
  }

  run(): HerdResult {
    // The reference checks the scenario: with no readers (so no rand is drawn), then the readers under 'none'.
    referenceHerd({ ...this.scenario, arrivals: [] });
    referenceHerd({ ...this.scenario, strategy: 'none' });
    const starts: number[] = [];
    let done = 0;
    let expiry = this.scenario.expiresAt ?? Number.NEGATIVE_INFINITY;
    let peakLoads = 0;
    let waited = 0;
    let stale = 0;
    for (const now of this.scenario.arrivals) {
      while (done < starts.length && this.finished(starts[done]! + this.scenario.loadTime, now)) expiry = this.expiryOf(starts[done++]!);
      const decision = this.decide({ now, expiry, inFlight: starts.length - done });
      if (decision === 'load' || decision === 'join') waited++;
      if (decision === 'stale' || decision === 'revalidate') stale++;
      if (decision === 'load' || decision === 'revalidate') {
        starts.push(now);
        peakLoads = Math.max(peakLoads, this.peak(starts.length, starts.length - done));
      }
    }
    return { loads: starts.length, loadStarts: starts, peakLoads, waited, stale };
  }
}
