/**
 * First in, first out: on a miss with a full cache, evict the key that was admitted longest ago, however
 * often it has been requested since. A hit changes nothing. A ring of slots in admission order.
 */
import { checkPolicyOptions, type Policy, type PolicyOptions } from './policy';

export class FifoPolicy implements Policy {
  readonly name = 'FIFO';
  readonly capacity: number;
  readonly keys: number;
  #size = 0;
  #evictions = 0;
  /** Whether each key is in the cache. */
  readonly #present: Uint8Array;
  /** Keys in admission order, starting at #oldest and wrapping around. */
  readonly #ring: Int32Array;
  #oldest = 0;

  constructor(options: PolicyOptions) {
    const { capacity, keys } = checkPolicyOptions(options);
    this.capacity = capacity;
    this.keys = keys;
    this.#present = new Uint8Array(keys);
    this.#ring = new Int32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  get evictions(): number {
    return this.#evictions;
  }

  contains(key: number): boolean {
    return this.#present[key] === 1;
  }

  record(key: number): boolean {
    if (this.#present[key] === 1) return true;
    if (this.#size < this.capacity) {
      this.#ring[this.#size++] = key;
    } else {
      // The oldest admission leaves; the newcomer takes its place, which is now the newest end of the ring.
      this.#present[this.#ring[this.#oldest]!] = 0;
      this.#ring[this.#oldest] = key;
      this.#oldest = this.#oldest + 1 === this.capacity ? 0 : this.#oldest + 1;
      this.#evictions++;
    }
    this.#present[key] = 1;
    return false;
  }
}
