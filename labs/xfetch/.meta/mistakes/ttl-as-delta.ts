// Classic mistake (the source article's): the look-ahead is scaled by the TTL instead of δ, the time the
// last recomputation took, so even a value that was just loaded is recomputed with probability >= 1/e.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override early(now: number, entry: Entry<V>, ttl: number): boolean {
    return this.decide(now, entry.expiry, ttl, this.beta, this.random());
  }
}
