// Classic mistake: the comparison is the wrong way round (`version <= newest`), so older versions win and newer ones are refused.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override accepts(version: number, newest: number): boolean {
    return newest === 0 || version <= newest;
  }
}
