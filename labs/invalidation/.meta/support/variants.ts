// A second, plain implementation of the invalidation lab's database and cache in which every rule is a
// small method, so that each file in mistakes/ can break exactly one rule by overriding one method.
// (The course's models keep their state in private fields, which a subclass cannot reach.) With no
// method overridden, each class behaves like the reference; the argument checks are the reference's own.
import { Cache as ReferenceCache, Database as ReferenceDatabase, type CacheOptions, type Clock, type Row } from '../solution';

const reference = {
  cache: new ReferenceCache<unknown>({ clock: { now: () => 0 }, ttlMs: 1 }),
  db: new ReferenceDatabase<unknown>(),
};

export class VariantDatabase<V> {
  protected readonly rows = new Map<string, Row<V>>();

  protected checkKey(key: string): void {
    reference.db.read(key);
  }

  /** The version of a key's first write. */
  protected firstVersion(): number {
    return 1;
  }

  read(key: string): Row<V> | undefined {
    this.checkKey(key);
    const row = this.rows.get(key);
    return row && { ...row };
  }

  write(key: string, value: V): number {
    this.checkKey(key);
    const old = this.rows.get(key);
    const version = old ? old.version + 1 : this.firstVersion();
    this.rows.set(key, { value, version });
    return version;
  }
}

export interface Entry<V> {
  value: V;
  storedAt: number;
  expiresAt: number;
  version: number;
}

export class VariantCache<V> {
  protected readonly clock: Clock;
  protected readonly ttlMs: number;
  protected readonly guardMs: number;
  protected readonly entries = new Map<string, Entry<V>>();
  protected readonly newest = new Map<string, number>();
  protected readonly deletedAt = new Map<string, number>();

  constructor(options: CacheOptions) {
    this.checkOptions(options);
    this.clock = options.clock;
    this.ttlMs = options.ttlMs;
    this.guardMs = options.guardMs ?? 0;
  }

  protected checkOptions(options: CacheOptions): void {
    new ReferenceCache(options);
  }

  protected checkKey(key: string): void {
    reference.cache.get(key);
  }

  protected checkVersion(version: number): void {
    reference.cache.invalidate('version-check', version);
  }

  /** Whether an entry has expired at `now`. */
  protected expired(entry: Entry<V>, now: number): boolean {
    return now >= entry.expiresAt;
  }

  /** What a read does to an entry it returns. */
  protected touched(_entry: Entry<V>, _now: number): void {}

  /** What happens when an entry is found expired. */
  protected expire(key: string): void {
    this.entries.delete(key);
  }

  /** Whether a recent delete of `key` refuses a plain set at `now`. */
  protected guarded(key: string, now: number): boolean {
    const at = this.deletedAt.get(key);
    return this.guardMs > 0 && at !== undefined && now < at + this.guardMs;
  }

  /** What a delete records for the guard. */
  protected recordDelete(key: string, now: number): void {
    this.deletedAt.set(key, now);
  }

  /** The newest version the cache knows for `key`, 0 when none. */
  protected newestOf(key: string): number {
    return this.newest.get(key) ?? 0;
  }

  /** Whether setVersioned accepts `version` when the newest known is `newest`. */
  protected accepts(version: number, newest: number): boolean {
    return version >= newest;
  }

  /** What invalidate records. */
  protected recordInvalidate(key: string, version: number): void {
    if (version > this.newestOf(key)) this.newest.set(key, version);
  }

  /** What invalidate removes. */
  protected removeOnInvalidate(key: string): void {
    this.entries.delete(key);
  }

  get(key: string): V | undefined {
    this.checkKey(key);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.clock.now();
    if (this.expired(entry, now)) {
      this.expire(key);
      return undefined;
    }
    this.touched(entry, now);
    return entry.value;
  }

  set(key: string, value: V): boolean {
    this.checkKey(key);
    const now = this.clock.now();
    if (this.guarded(key, now)) return false;
    this.store(key, value, now, 0);
    return true;
  }

  delete(key: string): void {
    this.checkKey(key);
    this.entries.delete(key);
    this.recordDelete(key, this.clock.now());
  }

  setVersioned(key: string, value: V, version: number): boolean {
    this.checkKey(key);
    this.checkVersion(version);
    if (!this.accepts(version, this.newestOf(key))) return false;
    if (version > (this.newest.get(key) ?? 0)) this.newest.set(key, version);
    this.store(key, value, this.clock.now(), version);
    return true;
  }

  invalidate(key: string, version: number): void {
    this.checkKey(key);
    this.checkVersion(version);
    this.removeOnInvalidate(key);
    this.recordInvalidate(key, version);
  }

  protected store(key: string, value: V, now: number, version: number): void {
    this.entries.set(key, { value, storedAt: now, expiresAt: now + this.ttlMs, version });
  }
}
