/**
 * A bounded buffer: at most `capacity` items wait, and an overflow policy decides what happens to an
 * item offered when the buffer is full. Items leave in arrival order (FIFO) whatever the policy; a
 * priority only decides which item is lost under `shed-lowest-priority`.
 *
 * This module is part of the reference solution of the `backpressure` lab.
 */
import { integerAtLeast } from '../../common/guards';

/** What a full queue does with one more item. */
export const OVERFLOW_POLICIES = ['reject', 'drop-oldest', 'shed-lowest-priority'] as const;

/**
 * - `reject`: the newcomer is turned away; the queue is unchanged.
 * - `drop-oldest`: the item that has waited longest is dropped to make room for the newcomer.
 * - `shed-lowest-priority`: the lowest-priority item among the queued ones and the newcomer is lost.
 */
export type OverflowPolicy = (typeof OVERFLOW_POLICIES)[number];

/** What became of an offered item, so the caller can tell what was lost, if anything. */
export type OfferResult<T> =
  /** The item was queued and nothing was lost. */
  | { outcome: 'accepted' }
  /** The item was queued, and `dropped`, which was queued before, was removed to make room. */
  | { outcome: 'replaced'; dropped: T }
  /** The item was not queued; the queue is unchanged. */
  | { outcome: 'rejected' };

/** Options of a {@link BoundedQueue}. */
export interface BoundedQueueOptions {
  /** The most items that may wait at once: an integer >= 1. */
  capacity: number;
  /** What to do when an item is offered to a full queue. */
  overflow: OverflowPolicy;
}

interface Entry<T> {
  item: T;
  priority: number;
}

/**
 * A FIFO queue of at most `capacity` items.
 * @example
 * const q = new BoundedQueue<string>({ capacity: 2, overflow: 'drop-oldest' });
 * q.offer('a'); q.offer('b');
 * q.offer('c'); // { outcome: 'replaced', dropped: 'a' }
 * q.poll();     // 'b'
 */
export class BoundedQueue<T> {
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  // Oldest first. Polling from the front of an array is O(n), which is fine for the small buffers
  // here and keeps the middle removal of `shed-lowest-priority` simple.
  readonly #entries: Entry<T>[] = [];

  constructor(options: BoundedQueueOptions) {
    this.capacity = integerAtLeast('capacity', options.capacity, 1);
    if (!OVERFLOW_POLICIES.includes(options.overflow)) {
      throw new RangeError(`overflow must be 'reject', 'drop-oldest' or 'shed-lowest-priority' (got ${String(options.overflow)})`);
    }
    this.overflow = options.overflow;
  }

  /** How many items are waiting. */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * Offers an item. Below capacity it is always accepted; at capacity the overflow policy decides.
   * @param priority larger is more important; any finite number. Only `shed-lowest-priority` uses it.
   * @default priority 0
   */
  offer(item: T, priority = 0): OfferResult<T> {
    if (!Number.isFinite(priority)) throw new RangeError(`priority must be a finite number (got ${priority})`);
    const entry = { item, priority };
    if (this.#entries.length < this.capacity) {
      this.#entries.push(entry);
      return { outcome: 'accepted' };
    }
    if (this.overflow === 'reject') return { outcome: 'rejected' };
    if (this.overflow === 'drop-oldest') {
      const oldest = this.#entries.shift()!;
      this.#entries.push(entry);
      return { outcome: 'replaced', dropped: oldest.item };
    }
    // Shed the lowest priority. Ties go against the later arrival: among queued items of equal
    // priority the newest is shed, and a newcomer that only ties the lowest is itself turned away.
    let victim = 0;
    for (let i = 1; i < this.#entries.length; i++) {
      if (this.#entries[i]!.priority <= this.#entries[victim]!.priority) victim = i;
    }
    if (priority <= this.#entries[victim]!.priority) return { outcome: 'rejected' };
    const [shed] = this.#entries.splice(victim, 1);
    this.#entries.push(entry);
    return { outcome: 'replaced', dropped: shed!.item };
  }

  /** Removes and returns the item that has waited longest, or `undefined` when the queue is empty. */
  poll(): T | undefined {
    return this.#entries.shift()?.item;
  }
}
