// Classic mistake: a set with a wrong token returns false but stores its value anyway.
import { VariantLeaseCache } from '../support/variant';
export * from '../solution';

export class LeaseCache<V> extends VariantLeaseCache<V> {
  override set(key: string, value: V, token: number): boolean {
    const ok = this.accepts(key, token);
    if (ok) this.useUp(key);
    this.values.set(key, value);
    this.stale.delete(key);
    return ok;
  }
}
