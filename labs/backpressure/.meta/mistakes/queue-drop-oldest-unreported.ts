// Classic mistake: drop-oldest loses the oldest item silently, reporting 'accepted', so the caller cannot tell that anything was lost.
import { VariantQueue } from '../support/variants';
import { type OfferResult } from '../solution';
export * from '../solution';

export class BoundedQueue<T> extends VariantQueue<T> {
  protected override dropOldestResult(): OfferResult<T> {
    return { outcome: 'accepted' };
  }
}
