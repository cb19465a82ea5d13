/**
 * Least frequently used: on a miss with a full cache, evict the cached key with the fewest requests;
 * among keys with equally few, the one requested least recently. This is "perfect" LFU: it counts every
 * request for every key, including requests made while the key was not cached, so a popular key that was
 * evicted once comes back with its history. (In-cache LFU forgets a key's count when it leaves; Redis's
 * LFU keeps a small decaying counter in each cached key, see redis-lfu-counter.ts.)
 *
 * The cached keys sit in a binary min-heap ordered by (count, time of last request), so each request
 * costs O(log capacity).
 */
import { checkPolicyOptions, type Policy, type PolicyOptions } from './policy';

export class LfuPolicy implements Policy {
  readonly name = 'LFU';
  readonly capacity: number;
  readonly keys: number;
  #size = 0;
  #evictions = 0;
  #clock = 0;
  /** Requests so far, per key, cached or not. */
  readonly #count: Float64Array;
  /** When each key was last requested (the request's number). */
  readonly #last: Float64Array;
  /** The heap: the key at each position; position 0 holds the next victim. */
  readonly #heap: Int32Array;
  /** The heap position of each key, or −1 when it is not cached. */
  readonly #position: Int32Array;

  constructor(options: PolicyOptions) {
    const { capacity, keys } = checkPolicyOptions(options);
    this.capacity = capacity;
    this.keys = keys;
    this.#count = new Float64Array(keys);
    this.#last = new Float64Array(keys);
    this.#heap = new Int32Array(capacity);
    this.#position = new Int32Array(keys).fill(-1);
  }

  get size(): number {
    return this.#size;
  }

  get evictions(): number {
    return this.#evictions;
  }

  contains(key: number): boolean {
    return this.#position[key]! >= 0;
  }

  /** How many times `key` has been requested so far. */
  countOf(key: number): number {
    return this.#count[key]!;
  }

  record(key: number): boolean {
    this.#count[key]!++;
    this.#last[key] = ++this.#clock;
    const at = this.#position[key]!;
    if (at >= 0) {
      // Its count and recency only grew, so it can only move away from the top.
      this.#siftDown(at);
      return true;
    }
    if (this.#size < this.capacity) {
      const end = this.#size++;
      this.#heap[end] = key;
      this.#position[key] = end;
      this.#siftUp(end);
    } else {
      this.#position[this.#heap[0]!] = -1;
      this.#evictions++;
      this.#heap[0] = key;
      this.#position[key] = 0;
      this.#siftDown(0);
    }
    return false;
  }

  /** Whether key a should be evicted before key b. */
  #before(a: number, b: number): boolean {
    const ca = this.#count[a]!;
    const cb = this.#count[b]!;
    return ca < cb || (ca === cb && this.#last[a]! < this.#last[b]!);
  }

  #siftUp(at: number): void {
    const heap = this.#heap;
    const key = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[parent]!;
      if (!this.#before(key, above)) break;
      heap[at] = above;
      this.#position[above] = at;
      at = parent;
    }
    heap[at] = key;
    this.#position[key] = at;
  }

  #siftDown(at: number): void {
    const heap = this.#heap;
    const size = this.#size;
    const key = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.#before(heap[child + 1]!, heap[child]!)) child++;
      const below = heap[child]!;
      if (!this.#before(below, key)) break;
      heap[at] = below;
      this.#position[below] = at;
      at = child;
    }
    heap[at] = key;
    this.#position[key] = at;
  }
}
