// Classic mistake: a newcomer that only ties the lowest queued priority displaces a queued item (< where <= belongs).
import { VariantQueue, type Entry } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override newcomerLoses(priority: number, victim: Entry<T>): boolean {
    return priority < victim.priority;
  }
}
