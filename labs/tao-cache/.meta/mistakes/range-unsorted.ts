// Classic mistake: the list is kept in the order the store returned it, which is not newest first.
import { VariantTao } from '../support/variants';
import type { Assoc } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override sortList(assocs: Assoc[]): Assoc[] {
    return assocs;
  }
}
