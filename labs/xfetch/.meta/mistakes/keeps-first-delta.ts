// Classic mistake: δ is measured once, on the first miss, and never updated, so a key whose
// recomputation has become slower keeps its old, short look-ahead.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override store(key: string, value: V, start: number, end: number, ttl: number): void {
    const delta = this.entries.get(key)?.delta ?? end - start;
    this.entries.set(key, { value, delta, expiry: end + ttl });
  }
}
