// Subtle mistake: among queued items tied for the lowest priority, the oldest is shed instead of the newest.
import { VariantQueue, type Entry } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override shedsBefore(candidate: Entry<T>, current: Entry<T>): boolean {
    return candidate.priority < current.priority;
  }
}
