// Classic mistake: <= instead of <, so a lease exactly leaseInterval old still makes readers wait.
import { VariantLeaseCache, type Lease } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override blocks(lease: Lease, now: number): boolean {
    return now - lease.issuedAt <= this.leaseInterval;
  }
}
