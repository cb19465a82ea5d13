// Classic mistake: flush calls the database even when nothing is pending: one useless round trip per timer tick.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override flushesWhenEmpty(): boolean {
    return true;
  }
}
