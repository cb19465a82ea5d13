// Classic mistake: the stale value is recorded only if the key has none, so after the second delete the
// readers who wait are offered the value of the first.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  protected override keepStale(key: string): void {
    if (this.values.has(key) && !this.stale.has(key)) this.stale.set(key, this.values.get(key) as V);
  }

  override set(key: string, value: V, token: number): boolean {
    if (!this.accepts(key, token)) return false;
    this.useUp(key);
    this.values.set(key, value);
    return true;
  }
}
