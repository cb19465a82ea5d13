// A second, plain XFetchCache in which every rule is a small method, so that each file in mistakes/
// can break exactly one rule by overriding one method. (The course's model keeps its state in private
// fields, which a subclass cannot reach.) With nothing overridden it behaves like the reference.
import { shouldRecomputeEarly, type XFetchOptions } from '../solution';

export interface Entry<V> {
  value: V;
  delta: number;
  expiry: number;
}

export class VariantXFetch<V> {
  protected readonly now: () => number;
  protected readonly random: () => number;
  protected readonly beta: number;
  protected readonly entries = new Map<string, Entry<V>>();

  constructor(options: XFetchOptions) {
    this.now = options.now;
    this.random = options.random;
    this.beta = this.betaOf(options);
  }

  protected betaOf(options: XFetchOptions): number {
    return options.beta ?? 1;
  }

  /** The entry a get finds for `key`, if any. */
  protected lookup(key: string): Entry<V> | undefined {
    return this.entries.get(key);
  }

  protected isFresh(now: number, entry: Entry<V>): boolean {
    return now < entry.expiry;
  }

  /** The early test, with one draw. */
  protected early(now: number, entry: Entry<V>, _ttl: number): boolean {
    return this.decide(now, entry.expiry, entry.delta, this.beta, this.random());
  }

  protected decide(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
    return shouldRecomputeEarly(now, expiry, delta, beta, rand);
  }

  /** What a get returns when its early recomputation failed. */
  protected async earlyFailed(key: string, entry: Entry<V>, error: unknown): Promise<V> {
    void key;
    void error;
    return entry.value;
  }

  /** What a get returns when an early recomputation succeeded with `value`. */
  protected earlyResult(value: V, entry: Entry<V>): V {
    void entry;
    return value;
  }

  async get(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const entry = this.lookup(key);
    if (entry !== undefined) {
      const now = this.now();
      if (this.isFresh(now, entry)) {
        if (!this.early(now, entry, ttl)) return entry.value;
        let value: V;
        try {
          value = await this.recompute(key, ttl, recompute);
        } catch (error) {
          return this.earlyFailed(key, entry, error);
        }
        return this.earlyResult(value, entry);
      }
    }
    return this.recompute(key, ttl, recompute);
  }

  protected async recompute(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const start = this.now();
    const value = await recompute();
    const end = this.now();
    this.store(key, value, start, end, ttl);
    return value;
  }

  protected store(key: string, value: V, start: number, end: number, ttl: number): void {
    this.entries.set(key, { value, delta: end - start, expiry: end + ttl });
  }
}
