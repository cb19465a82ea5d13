// Classic mistake: crash keeps the store, so after the restart the cache still serves writes that were never flushed.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override clearsStoreOnCrash(): boolean {
    return false;
  }
}
