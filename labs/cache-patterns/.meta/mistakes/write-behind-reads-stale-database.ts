// Classic mistake: get ignores the pending writes, so once the store has lost a key it serves the database's older value.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override readsPendingFirst(): boolean {
    return false;
  }
}
