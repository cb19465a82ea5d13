// Classic mistake: a random number is drawn on every get, misses and expired values included (the
// pseudo-code's "if !value or …" evaluated eagerly), instead of only when a fresh value is cached.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  override async get(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const rand = this.random();
    const entry = this.lookup(key);
    const now = this.now();
    if (entry === undefined || !this.isFresh(now, entry)) return this.recompute(key, ttl, recompute);
    if (!this.decide(now, entry.expiry, entry.delta, this.beta, rand)) return entry.value;
    try {
      return await this.recompute(key, ttl, recompute);
    } catch {
      return entry.value;
    }
  }
}
