// Classic mistake: the token counter lives with the key's state and restarts when a delete clears it, so a
// key hands out token 1 again and an old holder's token can become valid once more.
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

  override delete(key: string): void {
    super.delete(key);
    this.#counters.delete(key);
  }
}
