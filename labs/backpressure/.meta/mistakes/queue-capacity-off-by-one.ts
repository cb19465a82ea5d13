// Classic mistake: an off-by-one room check, so a full queue takes one item more than its capacity.
import { VariantQueue } from '../support/variants';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override hasRoom(): boolean {
    return this.entries.length <= this.capacity;
  }
}
