// A second, plain implementation of the cache-patterns lab's two stateful classes, in which every rule
// is a small method, so that each file in mistakes/ can break exactly one rule by overriding one method.
// (The course's models keep their state in private fields, which a subclass cannot reach.) With no
// method overridden, each class behaves like the reference; the option checks are the reference's own.
import {
  LruCache as ReferenceLru,
  WriteBehindCache as ReferenceWriteBehind,
  type CacheStats,
  type CacheStore,
  type Clock,
  type Database,
  type LostWrite,
  type LruCacheOptions,
  type WriteBehindOptions,
} from '../solution';

export interface Entry<V> {
  key: string;
  value: V;
  ttlMs: number;
  expiresAtMs: number;
}

export class VariantLru<V> {
  protected readonly capacity: number;
  protected readonly clock: Clock;
  protected readonly defaultTtlMs: number;
  /** Live entries (and, when a rule lets them linger, expired ones), least recently used first. */
  protected entries: Entry<V>[] = [];
  protected readonly counters: CacheStats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };

  constructor(options: LruCacheOptions) {
    this.validate(options);
    this.capacity = options.capacity;
    this.clock = options.clock;
    this.defaultTtlMs = options.defaultTtlMs ?? Number.POSITIVE_INFINITY;
  }

  /** The option checks: the reference's own. */
  protected validate(options: LruCacheOptions): void {
    new ReferenceLru<V>(options);
  }

  /** Throws unless `key` is a string. */
  protected checkKey(key: unknown): void {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  }

  /** Throws unless `ttlMs` is a number > 0. */
  protected checkTtl(ttlMs: number): void {
    if (!(typeof ttlMs === 'number' && ttlMs > 0)) throw new RangeError(`ttlMs must be a number > 0 (got ${ttlMs})`);
  }

  /** Whether an entry has expired at `now`. */
  protected isExpired(entry: Entry<V>, now: number): boolean {
    return now >= entry.expiresAtMs;
  }

  /** Drops expired entries, counting each as an expiration. */
  protected sweep(): void {
    const now = this.clock.now();
    const expired = this.entries.filter((e) => this.isExpired(e, now));
    this.counters.expirations += expired.length;
    this.entries = this.entries.filter((e) => !this.isExpired(e, now));
  }

  /** Whether `get` sweeps before it looks (if not, it may find an expired entry). */
  protected sweepsOnGet(): boolean {
    return true;
  }

  /** Whether `set` sweeps before it makes room (if not, expired entries take room). */
  protected sweepsOnSet(): boolean {
    return true;
  }

  /** What a get that finds an expired entry (only possible when sweepsOnGet is false) returns. */
  protected readExpired(entry: Entry<V>, index: number): V | undefined {
    this.entries.splice(index, 1);
    this.counters.expirations++;
    this.counters.misses++;
    void entry;
    return undefined;
  }

  /** Whether a hit makes the entry the most recently used. */
  protected refreshesOnHit(): boolean {
    return true;
  }

  /** What a hit does to the entry's expiry (nothing: the TTL runs from the write). */
  protected onHit(entry: Entry<V>): void {
    void entry;
  }

  /** Whether replacing a key's value makes it the most recently used. */
  protected refreshesOnReplace(): boolean {
    return true;
  }

  /** The expiry time of a replacement. */
  protected replacementExpiry(old: Entry<V>, ttlMs: number): number {
    void old;
    return this.clock.now() + ttlMs;
  }

  /** Whether a new key fits without evicting. */
  protected hasRoom(): boolean {
    return this.entries.length < this.capacity;
  }

  /** Whether `set` checks for room before it looks for the key (so a replacement in a full cache evicts). */
  protected checksRoomFirst(): boolean {
    return false;
  }

  /** Which entry goes when there is no room: the least recently used. */
  protected victimIndex(): number {
    return 0;
  }

  /** The TTL of a set that gives none. */
  protected ttlWhenNoneGiven(): number {
    return this.defaultTtlMs;
  }

  /** What a delete of a live entry adds to the counters. */
  protected onDelete(): void {}

  /** What clear adds to the counters for the entries it removes. */
  protected onClear(removed: number): void {
    void removed;
  }

  /** What stats() hands out. */
  protected snapshot(): CacheStats {
    return { ...this.counters };
  }

  get(key: string): V | undefined {
    this.checkKey(key);
    if (this.sweepsOnGet()) this.sweep();
    const index = this.entries.findIndex((e) => e.key === key);
    if (index < 0) {
      this.counters.misses++;
      return undefined;
    }
    const entry = this.entries[index]!;
    if (this.isExpired(entry, this.clock.now())) return this.readExpired(entry, index);
    this.counters.hits++;
    this.onHit(entry);
    if (this.refreshesOnHit()) this.entries.push(...this.entries.splice(index, 1));
    return entry.value;
  }

  set(key: string, value: V, ttlMs?: number): void {
    this.checkKey(key);
    if (value === undefined) throw new TypeError('value must not be undefined');
    const ttl = ttlMs ?? this.ttlWhenNoneGiven();
    this.checkTtl(ttl);
    if (this.sweepsOnSet()) this.sweep();
    if (this.checksRoomFirst() && !this.hasRoom()) this.evict();
    const index = this.entries.findIndex((e) => e.key === key);
    if (index >= 0) {
      const old = this.entries[index]!;
      const replacement = { key, value, ttlMs: ttl, expiresAtMs: this.replacementExpiry(old, ttl) };
      if (this.refreshesOnReplace()) {
        this.entries.splice(index, 1);
        this.entries.push(replacement);
      } else this.entries[index] = replacement;
      return;
    }
    if (!this.checksRoomFirst() && !this.hasRoom()) this.evict();
    this.entries.push({ key, value, ttlMs: ttl, expiresAtMs: this.clock.now() + ttl });
  }

  protected evict(): void {
    this.entries.splice(this.victimIndex(), 1);
    this.counters.evictions++;
  }

  delete(key: string): boolean {
    this.checkKey(key);
    this.sweep();
    const index = this.entries.findIndex((e) => e.key === key);
    if (index < 0) return false;
    this.entries.splice(index, 1);
    this.onDelete();
    return true;
  }

  clear(): void {
    this.sweep();
    this.onClear(this.entries.length);
    this.entries = [];
  }

  get size(): number {
    this.sweep();
    return this.entries.length;
  }

  keys(): string[] {
    this.sweep();
    return this.entries.map((e) => e.key);
  }

  stats(): CacheStats {
    this.sweep();
    return this.snapshot();
  }
}

export interface PendingWrite<V> {
  key: string;
  value: V;
  firstValue: V;
  sinceMs: number;
  writtenAtMs: number;
}

export class VariantWriteBehind<V> {
  protected readonly store: CacheStore<V>;
  protected readonly db: Database<V>;
  protected readonly clock: Clock;
  protected readonly maxBatchSize: number;
  protected readonly maxDelayMs: number;
  /** The pending writes, by pendingKey, in the order they became pending. */
  protected readonly pending = new Map<string, PendingWrite<V>>();
  /** Every acknowledged write, for the mistake that reports them all. */
  protected readonly acknowledged: LostWrite<V>[] = [];

  constructor(options: WriteBehindOptions<V>) {
    new ReferenceWriteBehind<V>(options);
    this.store = options.store;
    this.db = options.db;
    this.clock = options.clock;
    this.maxBatchSize = options.maxBatchSize;
    this.maxDelayMs = options.maxDelayMs;
  }

  protected checkKey(key: unknown): void {
    if (typeof key !== 'string') throw new TypeError(`key must be a string (got ${String(key)})`);
  }

  /** Where a write waits: one slot per key (coalescing). */
  protected pendingKey(key: string): string {
    return key;
  }

  /** A write to a key that is already pending: the new value, in the same place, as old as before. */
  protected rewrite(slot: string, previous: PendingWrite<V>, next: PendingWrite<V>): void {
    this.pending.set(slot, { ...next, firstValue: previous.firstValue, sinceMs: previous.sinceMs });
  }

  /** Whether the batch is full. */
  protected batchFull(): boolean {
    return this.pending.size >= this.maxBatchSize;
  }

  /** Whether the timer's flush is due: the oldest pending write has waited maxDelayMs. */
  protected flushDue(): boolean {
    const [oldest] = this.pending.values();
    return oldest !== undefined && this.clock.now() - oldest.sinceMs >= this.maxDelayMs;
  }

  /** Whether set lets a failed batch flush go (the write is acknowledged and stays pending). */
  protected swallowsFlushFailureInSet(): boolean {
    return true;
  }

  /** Whether the pending writes are forgotten before the database has taken them. */
  protected forgetsBeforeWriting(): boolean {
    return false;
  }

  /** Hands a batch to the database: one writeBatch call. */
  protected writeOut(entries: Array<readonly [string, V]>): void {
    this.db.writeBatch(entries);
  }

  /** Whether a flush with nothing pending calls the database anyway. */
  protected flushesWhenEmpty(): boolean {
    return false;
  }

  /** Whether get looks at the pending writes first. */
  protected readsPendingFirst(): boolean {
    return true;
  }

  /** What crash reports. */
  protected lostWrites(): LostWrite<V>[] {
    return [...this.pending.values()].map((p) => ({ key: p.key, value: p.value, writtenAtMs: p.writtenAtMs }));
  }

  /** Whether a crash empties the store. */
  protected clearsStoreOnCrash(): boolean {
    return true;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get(key: string): V | undefined {
    this.checkKey(key);
    if (this.readsPendingFirst()) {
      const latest = [...this.pending.values()].filter((p) => p.key === key).at(-1);
      if (latest) return latest.value;
    }
    const cached = this.store.get(key);
    if (cached !== undefined) return cached;
    const value = this.db.read(key);
    if (value !== undefined) this.store.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.checkKey(key);
    const now = this.clock.now();
    this.store.set(key, value);
    const slot = this.pendingKey(key);
    const previous = this.pending.get(slot);
    const next = { key, value, firstValue: value, sinceMs: now, writtenAtMs: now };
    if (previous) this.rewrite(slot, previous, next);
    else this.pending.set(slot, next);
    this.acknowledged.push({ key, value, writtenAtMs: now });
    if (this.batchFull()) {
      try {
        this.flush();
      } catch (error) {
        if (!this.swallowsFlushFailureInSet()) throw error;
      }
    }
  }

  tick(): void {
    if (this.flushDue()) this.flush();
  }

  flush(): void {
    if (this.pending.size === 0 && !this.flushesWhenEmpty()) return;
    const batch = [...this.pending.values()].map((p) => [p.key, p.value] as const);
    if (this.forgetsBeforeWriting()) this.pending.clear();
    this.writeOut(batch);
    this.pending.clear();
  }

  crash(): LostWrite<V>[] {
    const lost = this.lostWrites();
    this.pending.clear();
    if (this.clearsStoreOnCrash()) this.store.clear();
    return lost;
  }
}
