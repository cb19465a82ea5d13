// Classic mistake: the failure of a recomputation on a miss is cached (here as an undefined value with
// the usual expiry), so the next get returns it instead of trying again.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override async recompute(key: string, ttl: number, recompute: () => Promise<V>): Promise<V> {
    const start = this.now();
    try {
      const value = await recompute();
      this.store(key, value, start, this.now(), ttl);
      return value;
    } catch (error) {
      this.store(key, undefined as V, start, this.now(), ttl);
      throw error;
    }
  }
}
