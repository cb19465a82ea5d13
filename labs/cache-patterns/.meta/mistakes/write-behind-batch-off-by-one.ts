// Off-by-one mistake: flushes only when more than maxBatchSize keys are pending (> where >= belongs).
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override batchFull(): boolean {
    return this.pending.size > this.maxBatchSize;
  }
}
