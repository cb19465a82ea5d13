// Classic mistake: always shedding the lowest queued item, even when the newcomer is less important than all of them.
import { BoundedQueue as Reference, type BoundedQueueOptions, type OfferResult, type OverflowPolicy } from '../solution';
export * from '../solution';

export class BoundedQueue<T> {
  readonly #capacity: number;
  readonly #overflow: OverflowPolicy;
  readonly #entries: { item: T; priority: number }[] = [];

  constructor(options: BoundedQueueOptions) {
    new Reference<T>(options); // the option checks are right; the mistake is below
    this.#capacity = options.capacity;
    this.#overflow = options.overflow;
  }

  get size(): number {
    return this.#entries.length;
  }

  offer(item: T, priority = 0): OfferResult<T> {
    if (!Number.isFinite(priority)) throw new RangeError(`priority must be a finite number (got ${priority})`);
    if (this.#entries.length < this.#capacity) {
      this.#entries.push({ item, priority });
      return { outcome: 'accepted' };
    }
    if (this.#overflow === 'reject') return { outcome: 'rejected' };
    if (this.#overflow === 'drop-oldest') {
      const oldest = this.#entries.shift()!;
      this.#entries.push({ item, priority });
      return { outcome: 'replaced', dropped: oldest.item };
    }
    let victim = 0;
    for (let i = 1; i < this.#entries.length; i++) {
      if (this.#entries[i]!.priority <= this.#entries[victim]!.priority) victim = i;
    }
        const [shed] = this.#entries.splice(victim, 1);
    this.#entries.push({ item, priority });
    return { outcome: 'replaced', dropped: shed!.item };
  }

  poll(): T | undefined {
    return this.#entries.shift()?.item;
  }
}
