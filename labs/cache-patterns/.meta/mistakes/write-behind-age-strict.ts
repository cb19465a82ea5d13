// Off-by-one mistake: flushes only once the oldest write is more than maxDelayMs old (> where >= belongs).
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override flushDue(): boolean {
    const [oldest] = this.pending.values();
    return oldest !== undefined && this.clock.now() - oldest.sinceMs > this.maxDelayMs;
  }
}
