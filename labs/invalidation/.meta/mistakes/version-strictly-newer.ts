// Classic mistake: `>` instead of `>=`, so after invalidate(key, v) the fresh read of version v is refused and the key stays uncached until the next write.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override accepts(version: number, newest: number): boolean {
    return version > newest;
  }
}
