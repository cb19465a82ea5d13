// Classic mistake: a value counts as fresh at now = expiry (now <= expiry), so at that instant a random
// number is drawn and a failed recomputation returns the old value instead of rejecting.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override isFresh(now: number, entry: Entry<V>): boolean {
    return now <= entry.expiry;
  }
}
