// Classic mistake: every delete records "the value it removed" as the stale value, so a delete that finds
// no value wipes the stale value out.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override keepStale(key: string): void {
    if (this.values.has(key)) this.stale.set(key, this.values.get(key) as V);
    else this.stale.delete(key);
  }
}
