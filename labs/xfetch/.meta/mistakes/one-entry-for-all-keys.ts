// Classic mistake: the key is ignored, so every key shares one value, δ and expiry.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override lookup(): Entry<V> | undefined {
    return this.entries.get('');
  }

  protected override store(_key: string, value: V, start: number, end: number, ttl: number): void {
    this.entries.set('', { value, delta: end - start, expiry: end + ttl });
  }
}
