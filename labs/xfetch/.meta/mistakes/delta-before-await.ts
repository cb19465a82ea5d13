// Classic mistake: δ measured from the wrong clock reads. The "after" read is taken as soon as recompute()
// returns its promise, before the recomputation has finished, so δ is about 0 and early recomputation
// hardly ever happens (and the expiry is counted from the start).
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override async recompute(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const start = this.now();
    const pending = recompute();
    const end = this.now();
    const value = await pending;
    this.store(key, value, start, end, ttl);
    return value;
  }
}
