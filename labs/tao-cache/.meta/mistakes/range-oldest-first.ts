// Classic mistake: association lists are sorted oldest first, so a range returns the oldest associations instead of the newest.
import { VariantTao } from '../support/variants';
import type { Assoc } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override sortList(assocs: Assoc[]): Assoc[] {
    return [...assocs].sort((a, b) => a.time - b.time);
  }
}
