// Classic mistake: a token is refused once its lease is leaseInterval old, although no newer lease has
// replaced it, so a slow but healthy loader's work is thrown away.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override accepts(key: string, token: number): boolean {
    const lease = this.leases.get(key);
    return lease?.token === token && this.blocks(lease, this.now());
  }
}
