/**
 * Random eviction: on a miss with a full cache, evict a key chosen uniformly at random among those in
 * the cache (Redis's allkeys-random). A hit changes nothing.
 */
import type { Rng } from '../../common/rng';
import { checkPolicyOptions, type Policy, type PolicyOptions } from './policy';

export class RandomPolicy implements Policy {
  readonly name = 'Random';
  readonly capacity: number;
  readonly keys: number;
  #size = 0;
  #evictions = 0;
  readonly #slotOf: Int32Array;
  readonly #keyOf: Int32Array;
  readonly #rng: Rng;

  constructor(options: PolicyOptions & { rng: Rng }) {
    const { capacity, keys } = checkPolicyOptions(options);
    this.capacity = capacity;
    this.keys = keys;
    this.#rng = options.rng;
    this.#slotOf = new Int32Array(keys).fill(-1);
    this.#keyOf = new Int32Array(capacity);
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
    if (this.#slotOf[key]! >= 0) return true;
    let slot: number;
    if (this.#size < this.capacity) {
      slot = this.#size++;
    } else {
      slot = (this.#rng.next() * this.capacity) | 0;
      this.#slotOf[this.#keyOf[slot]!] = -1;
      this.#evictions++;
    }
    this.#keyOf[slot] = key;
    this.#slotOf[key] = slot;
    return false;
  }
}
