/**
 * Least recently used: on a miss with a full cache, evict the key whose last request is the oldest.
 * Exact LRU in O(1) per request: a doubly linked list of slots in recency order (most recent at the
 * head), kept in typed arrays, and a table from key to slot.
 */
import { checkPolicyOptions, type Policy, type PolicyOptions } from './policy';

// #region lru
export class LruPolicy implements Policy {
  readonly name = 'LRU';
  readonly capacity: number;
  readonly keys: number;
  #size = 0;
  #evictions = 0;
  /** The slot holding each key, or −1. */
  readonly #slotOf: Int32Array;
  /** The key in each slot. */
  readonly #keyOf: Int32Array;
  /** Neighbours in recency order: #prev points towards the head (more recent), #next towards the tail. */
  readonly #prev: Int32Array;
  readonly #next: Int32Array;
  #head = -1;
  #tail = -1;

  constructor(options: PolicyOptions) {
    const { capacity, keys } = checkPolicyOptions(options);
    this.capacity = capacity;
    this.keys = keys;
    this.#slotOf = new Int32Array(keys).fill(-1);
    this.#keyOf = new Int32Array(capacity);
    this.#prev = new Int32Array(capacity);
    this.#next = new Int32Array(capacity);
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
    const hit = this.#slotOf[key]!;
    if (hit >= 0) {
      if (hit !== this.#head) {
        this.#unlink(hit);
        this.#pushHead(hit);
      }
      return true;
    }
    let slot: number;
    if (this.#size < this.capacity) {
      slot = this.#size++;
    } else {
      // The tail is the least recently used key: it makes room.
      slot = this.#tail;
      this.#slotOf[this.#keyOf[slot]!] = -1;
      this.#unlink(slot);
      this.#evictions++;
    }
    this.#keyOf[slot] = key;
    this.#slotOf[key] = slot;
    this.#pushHead(slot);
    return false;
  }

  #unlink(slot: number): void {
    const prev = this.#prev[slot]!;
    const next = this.#next[slot]!;
    if (prev >= 0) this.#next[prev] = next;
    else this.#head = next;
    if (next >= 0) this.#prev[next] = prev;
    else this.#tail = prev;
  }

  #pushHead(slot: number): void {
    this.#prev[slot] = -1;
    this.#next[slot] = this.#head;
    if (this.#head >= 0) this.#prev[this.#head] = slot;
    else this.#tail = slot;
    this.#head = slot;
  }
}
// #endregion
