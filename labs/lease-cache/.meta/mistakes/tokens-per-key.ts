// Classic mistake: tokens are counted per key, so two keys hand out the same token and a token of one
// key can set another.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  readonly #counters = new Map<string, number>();

  protected override issue(key: string, now: number): number {
    const token = (this.#counters.get(key) ?? 0) + 1;
    this.#counters.set(key, token);
    this.leases.set(key, { token, issuedAt: now });
    return token;
  }
}
