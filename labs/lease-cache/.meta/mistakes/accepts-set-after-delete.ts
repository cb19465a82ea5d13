// Classic mistake: delete removes the value but leaves the lease outstanding, so a reader who loaded the
// old value before the write can still set it afterwards: the stale set leases exist to stop.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override voidLease(): void {}
}
