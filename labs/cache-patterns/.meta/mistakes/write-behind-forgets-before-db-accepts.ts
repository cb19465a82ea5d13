// Classic mistake: empties the pending list before the database has taken the batch, so a refused flush loses writes the database never acknowledged.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override forgetsBeforeWriting(): boolean {
    return true;
  }
}
