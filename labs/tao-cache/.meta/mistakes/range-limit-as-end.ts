// Classic mistake: limit is used as the end index of the slice, so a range that does not start at 0 returns too few associations.
import { VariantTao } from '../support/variants';
import type { Assoc } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override sliceRange(list: Assoc[], pos: number, limit: number): Assoc[] {
    return list.slice(pos, limit);
  }
}
