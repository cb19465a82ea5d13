// Off-by-one mistake: accepts a capacity of 0 (>= 0 where >= 1 belongs): a cache that can hold nothing.
import { VariantLru } from '../support/variants';
import type { LruCacheOptions } from '../solution';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override validate(options: LruCacheOptions): void {
    if (!(Number.isInteger(options.capacity) && options.capacity >= 0)) throw new RangeError(`capacity must be an integer >= 0 (got ${options.capacity})`);
    if (options.defaultTtlMs !== undefined) this.checkTtl(options.defaultTtlMs);
  }
}
