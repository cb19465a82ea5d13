/**
 * Redis's approximate LRU (allkeys-lru), as src/evict.c does it since Redis 3.0. Redis keeps no recency
 * list: each key carries the time of its last access, and to evict, Redis
 *   1. samples `maxmemory-samples` keys (5 by default, at most 64) and works out how long each has been idle;
 *   2. offers each to an eviction pool of the 16 best candidates seen so far (EVPOOL_SIZE), sorted by
 *      idle time, which keeps its entries across evictions: a sample idle for less time than every pool
 *      entry is dropped when the pool is full, and otherwise the entry idle for the least time makes room;
 *   3. evicts the pool's entry with the longest idle time — as recorded when it was sampled — if that key
 *      still exists, skipping entries for keys that are gone.
 * Two simplifications, both documented in the lesson: samples are drawn uniformly at random with
 * replacement (Redis takes a few keys from a random spot of its hash table), and time is the number of
 * requests so far (Redis's LRU clock ticks once a second, so keys used within the same second tie).
 */
import type { Rng } from '../../common/rng';
import { integerAtLeast } from '../../common/guards';
import { checkPolicyOptions, type Policy, type PolicyOptions } from './policy';

/** Redis's eviction pool size, EVPOOL_SIZE in src/evict.c. */
export const EVICTION_POOL_SIZE = 16;
/** Redis's default maxmemory-samples. */
export const DEFAULT_SAMPLES = 5;
/** The largest maxmemory-samples Redis accepts (src/config.c). */
export const MAX_SAMPLES = 64;

export interface SampledLruOptions extends PolicyOptions {
  /** Keys sampled per eviction, like maxmemory-samples: an integer from 1 to 64. */
  samples: number;
  rng: Rng;
  /** Whether to keep Redis 3.0's pool of candidates between evictions (true) or, as Redis 2.8 did, evict the best of each sample alone. */
  pool?: boolean;
}

export class SampledLruPolicy implements Policy {
  readonly name: string;
  readonly capacity: number;
  readonly keys: number;
  readonly samples: number;
  #size = 0;
  #evictions = 0;
  #clock = 0;
  readonly #usePool: boolean;
  readonly #rng: Rng;
  readonly #slotOf: Int32Array;
  readonly #keyOf: Int32Array;
  /** When each key was last requested. */
  readonly #lastUse: Float64Array;
  /** The pool: keys (−1 for an empty entry) and their idle times when sampled, ascending; entries fill from the left. */
  readonly #poolKey = new Int32Array(EVICTION_POOL_SIZE).fill(-1);
  readonly #poolIdle = new Float64Array(EVICTION_POOL_SIZE);

  constructor(options: SampledLruOptions) {
    const { capacity, keys } = checkPolicyOptions(options);
    integerAtLeast('samples', options.samples, 1);
    if (options.samples > MAX_SAMPLES) throw new RangeError(`samples must be at most ${MAX_SAMPLES}, Redis's limit (got ${options.samples})`);
    this.capacity = capacity;
    this.keys = keys;
    this.samples = options.samples;
    this.#rng = options.rng;
    this.#usePool = options.pool ?? true;
    this.name = `Sampled LRU (${this.samples} ${this.samples === 1 ? 'sample' : 'samples'})`;
    this.#slotOf = new Int32Array(keys).fill(-1);
    this.#keyOf = new Int32Array(capacity);
    this.#lastUse = new Float64Array(keys);
  }

  get size(): number {
    return this.#size;
  }

  get evictions(): number {
    return this.#evictions;
  }

  contains(key: number): boolean {
    return this.#slotOf[key]! >= 0;
  }

  record(key: number): boolean {
    const now = ++this.#clock;
    if (this.#slotOf[key]! >= 0) {
      this.#lastUse[key] = now;
      return true;
    }
    let slot: number;
    if (this.#size < this.capacity) {
      slot = this.#size++;
    } else {
      slot = this.#slotOf[this.#victim(now)]!;
      this.#slotOf[this.#keyOf[slot]!] = -1;
      this.#evictions++;
    }
    this.#keyOf[slot] = key;
    this.#slotOf[key] = slot;
    this.#lastUse[key] = now;
    return false;
  }

  /** The key to evict now: Redis's performEvictions() for one key. */
  #victim(now: number): number {
    if (!this.#usePool) {
      let best = -1;
      let bestIdle = -1;
      for (let j = 0; j < this.samples; j++) {
        const key = this.#keyOf[(this.#rng.next() * this.#size) | 0]!;
        const idle = now - this.#lastUse[key]!;
        if (idle > bestIdle) {
          best = key;
          bestIdle = idle;
        }
      }
      return best;
    }
    for (;;) {
      this.#populate(now);
      // From the best candidate down: the first that is still cached is evicted; gone ones are dropped.
      for (let k = EVICTION_POOL_SIZE - 1; k >= 0; k--) {
        const key = this.#poolKey[k]!;
        if (key < 0) continue;
        this.#poolKey[k] = -1;
        this.#poolIdle[k] = 0;
        if (this.#slotOf[key]! >= 0) return key;
      }
    }
  }

  // #region pool
  /** Redis's evictionPoolPopulate(): offer `samples` random cached keys to the pool. */
  #populate(now: number): void {
    const keys = this.#poolKey;
    const idles = this.#poolIdle;
    const last = EVICTION_POOL_SIZE - 1;
    for (let j = 0; j < this.samples; j++) {
      const key = this.#keyOf[(this.#rng.next() * this.#size) | 0]!;
      const idle = now - this.#lastUse[key]!;
      // The first empty entry, or the first whose idle time is not less than this one's.
      let k = 0;
      while (k < EVICTION_POOL_SIZE && keys[k]! >= 0 && idles[k]! < idle) k++;
      if (k === 0 && keys[last]! >= 0) {
        continue; // The pool is full and every entry has been idle at least as long.
      } else if (k < EVICTION_POOL_SIZE && keys[k]! < 0) {
        // An empty entry at the end of the sorted part: take it.
      } else if (keys[last]! < 0) {
        // Room on the right: shift k … last − 1 one place right.
        keys.copyWithin(k + 1, k, last);
        idles.copyWithin(k + 1, k, last);
      } else {
        // Full: drop entry 0 (the least idle) by shifting 1 … k − 1 one place left, and insert at k − 1.
        k--;
        keys.copyWithin(0, 1, k + 1);
        idles.copyWithin(0, 1, k + 1);
      }
      keys[k] = key;
      idles[k] = idle;
    }
  }
  // #endregion
}
