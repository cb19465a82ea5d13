// Classic mistake: shedding the most important queued item instead of the least important.
import { VariantQueue, type Entry } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override shedsBefore(candidate: Entry<T>, current: Entry<T>): boolean {
    return candidate.priority >= current.priority;
  }

  protected override newcomerLoses(priority: number): boolean {
    return priority <= Math.min(...this.entries.map((e) => e.priority));
  }
}
