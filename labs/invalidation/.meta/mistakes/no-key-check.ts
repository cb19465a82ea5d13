// Classic mistake: keys are never checked, so a number is silently used as a key instead of raising a TypeError.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override checkKey(): void {}
}
