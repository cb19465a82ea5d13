// Classic mistake: checks ttlMs with `ttlMs <= 0`, which lets NaN through (every comparison with NaN is false), and the entry never expires.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override checkTtl(ttlMs: number): void {
    if (ttlMs <= 0) throw new RangeError(`ttlMs must be a number > 0 (got ${ttlMs})`);
  }
}
