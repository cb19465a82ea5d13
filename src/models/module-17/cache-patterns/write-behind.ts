/**
 * A write-behind (write-back) cache: `set` acknowledges a write as soon as the cache holds it, and the
 * database gets it later, in batches.
 *
 * - Each key has at most one pending (unflushed) write, the latest: writing a key again before a flush
 *   replaces its pending value (coalescing, as Oracle Coherence's write-behind queue does), so a batch
 *   writes each key once.
 * - A key's age is counted from its first write since the last flush; writing it again does not make it
 *   younger, so a key that is written all the time still reaches the database within `maxDelayMs`.
 * - A flush writes every pending write in one `writeBatch` call. It happens in `set`, when the number of
 *   pending keys reaches `maxBatchSize`; in `tick`, when the oldest pending write is `maxDelayMs` old; or
 *   when `flush` is called. A flush the database refuses leaves every pending write pending.
 * - `crash` is the cache process dying: the writes that were acknowledged but not flushed are lost, and
 *   it says exactly which.
 *
 * Reference solution of the lab's WriteBehindCache and the engine of the lesson's loss-window example.
 */
import type { Clock } from '../../common/clock';
import { checkDelay, checkKey, checkPositiveInteger } from './checks';
import type { CacheStore, Database } from './patterns';

/** Options of a {@link WriteBehindCache}. */
export interface WriteBehindOptions<V> {
  store: CacheStore<V>;
  db: Database<V>;
  /** Where the time comes from, in milliseconds. */
  clock: Clock;
  /** Flush as soon as this many keys are pending: an integer >= 1. */
  maxBatchSize: number;
  /** Flush, at the next `tick`, once the oldest pending write is this old, in ms: a finite number >= 0. */
  maxDelayMs: number;
}

/** An acknowledged write that a crash lost: the latest value written to `key`, and when. */
export interface LostWrite<V> {
  key: string;
  value: V;
  /** When that value was written (acknowledged), by the cache's clock. */
  writtenAtMs: number;
}

interface Pending<V> {
  value: V;
  /** When the key became pending: its first write since the last flush. */
  sinceMs: number;
  /** When its latest value was written. */
  writtenAtMs: number;
}

// #region write-behind
export class WriteBehindCache<V> {
  readonly #store: CacheStore<V>;
  readonly #db: Database<V>;
  readonly #clock: Clock;
  readonly #maxBatchSize: number;
  readonly #maxDelayMs: number;
  /** The pending writes, one per key, in the order the keys became pending. */
  readonly #pending = new Map<string, Pending<V>>();

  constructor(options: WriteBehindOptions<V>) {
    this.#store = options.store;
    this.#db = options.db;
    this.#clock = options.clock;
    this.#maxBatchSize = checkPositiveInteger('maxBatchSize', options.maxBatchSize);
    this.#maxDelayMs = checkDelay('maxDelayMs', options.maxDelayMs);
  }

  /** How many keys have a write the database has not been given yet. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /**
   * The latest acknowledged value: a pending write first (the database does not have it yet, even if
   * the cache store has since evicted it), then the cache store, then the database, whose value fills
   * the store.
   */
  get(key: string): V | undefined {
    checkKey('key', key);
    const pending = this.#pending.get(key);
    if (pending !== undefined) return pending.value;
    const cached = this.#store.get(key);
    if (cached !== undefined) return cached;
    const value = this.#db.read(key);
    if (value !== undefined) this.#store.set(key, value);
    return value;
  }

  /**
   * Writes the cache and records the write as pending; returning is the acknowledgement. When that makes
   * `maxBatchSize` keys pending, it flushes. A database failure during that flush does not fail the
   * write, which is already acknowledged: everything stays pending for the next flush.
   */
  set(key: string, value: V): void {
    checkKey('key', key);
    const now = this.#clock.now();
    this.#store.set(key, value);
    const sinceMs = this.#pending.get(key)?.sinceMs ?? now;
    this.#pending.set(key, { value, sinceMs, writtenAtMs: now });
    if (this.#pending.size >= this.#maxBatchSize) {
      try {
        this.flush();
      } catch {
        // Kept pending; the next tick() or flush() retries and reports the database's error.
      }
    }
  }

  /** Flushes if the oldest pending write has waited `maxDelayMs` or more. Call it as a timer would. */
  tick(): void {
    const [oldest] = this.#pending.values();
    if (oldest !== undefined && this.#clock.now() - oldest.sinceMs >= this.#maxDelayMs) this.flush();
  }

  /**
   * Gives the database every pending write in one `writeBatch` call (none when nothing is pending), and
   * forgets them once it has returned. If the database throws, every write stays pending and the error
   * is thrown on.
   */
  flush(): void {
    if (this.#pending.size === 0) return;
    this.#db.writeBatch([...this.#pending].map(([key, p]) => [key, p.value] as const));
    this.#pending.clear();
  }

  /**
   * The cache process dies: returns the acknowledged writes that never reached the database (the latest
   * value of each pending key), and leaves the cache empty, with nothing pending.
   */
  crash(): LostWrite<V>[] {
    const lost = [...this.#pending].map(([key, p]) => ({ key, value: p.value, writtenAtMs: p.writtenAtMs }));
    this.#pending.clear();
    this.#store.clear();
    return lost;
  }
}
// #endregion
