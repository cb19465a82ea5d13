// Classic mistake: a lease blocks other readers for as long as it is outstanding, so if its holder dies
// the key is never loaded again.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override blocks(): boolean {
    return true;
  }
}
