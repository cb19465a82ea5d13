// Classic mistake: setVersioned compares only with the version of the value in the cache; once invalidate has removed it, nothing is left to compare with and the stale set succeeds.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override newestOf(key: string): number {
    return this.entries.get(key)?.version ?? 0;
  }
}
