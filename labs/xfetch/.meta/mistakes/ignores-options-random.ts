// Classic mistake: Math.random() instead of the injected options.random(), so runs cannot be repeated or
// tested (and Math.random() can return 0, where ln is −Infinity).
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override early(now: number, entry: Entry<V>): boolean {
    return this.decide(now, entry.expiry, entry.delta, this.beta, 1 - Math.random());
  }
}
