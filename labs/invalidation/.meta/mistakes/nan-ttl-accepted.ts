// Classic mistake: the TTL is checked with `ttlMs < 0`, which lets NaN (and 0) through; every entry then expires at NaN and `now >= NaN` is never true.
import { Cache as Reference, type CacheOptions } from '../solution';
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override checkOptions(options: CacheOptions): void {
    if (options.ttlMs < 0) throw new RangeError(`ttlMs must be >= 0 (got ${options.ttlMs})`);
    new Reference({ ...options, ttlMs: 1 });
  }
}
