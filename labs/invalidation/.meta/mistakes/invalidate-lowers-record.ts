// Classic mistake: invalidate overwrites the recorded version even when it is older, so invalidations that arrive out of order lower the bar for stale sets.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override recordInvalidate(key: string, version: number): void {
    this.newest.set(key, version);
  }
}
