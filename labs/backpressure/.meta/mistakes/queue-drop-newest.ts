// Classic mistake: drop-oldest drops the newest queued item (the back of the queue) instead of the one that has waited longest.
import { VariantQueue, type Entry } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override takeOldest(): Entry<T> {
    return this.entries.pop()!;
  }
}
