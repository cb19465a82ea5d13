// Classic mistake: set throws when the batch flush it triggers fails, although the write is buffered and will be flushed later: the caller is told it failed.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override swallowsFlushFailureInSet(): boolean {
    return false;
  }
}
