// Classic mistake: a new lease is added next to the old one instead of replacing it, so a slow holder
// whose lease was replaced can still set its (possibly stale) value.
import { VariantLeaseCache, type Lease } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  readonly #all = new Map<string, Lease[]>();

  protected override issue(key: string, now: number): number {
    const token = super.issue(key, now);
    this.#all.set(key, [...(this.#all.get(key) ?? []), { token, issuedAt: now }]);
    return token;
  }

  protected override accepts(key: string, token: number): boolean {
    return this.leases.has(key) && (this.#all.get(key) ?? []).some((lease) => lease.token === token);
  }

  protected override useUp(key: string): void {
    super.useUp(key);
    this.#all.delete(key);
  }

  protected override voidLease(key: string): void {
    super.voidLease(key);
    this.#all.delete(key);
  }
}
