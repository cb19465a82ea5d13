// Classic mistake: a new lease keeps the issue time of the first one, so after the first interval every
// reader of the key gets a token.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override issue(key: string, now: number): number {
    const token = this.nextToken++;
    this.leases.set(key, { token, issuedAt: this.leases.get(key)?.issuedAt ?? now });
    return token;
  }
}
