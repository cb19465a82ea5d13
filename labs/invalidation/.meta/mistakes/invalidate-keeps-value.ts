// Classic mistake: invalidate records the version but leaves the old value in the cache, so readers keep getting it.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override removeOnInvalidate(): void {}
}
