// Classic mistake: always shedding the lowest queued item, even when the newcomer is less important than all of them.
import { VariantQueue } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override newcomerLoses(): boolean {
    return false;
  }
}
