// Classic mistake: times the flush from the newest pending write, so a steady trickle of writes holds the old ones back.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override flushDue(): boolean {
    const newest = [...this.pending.values()].at(-1);
    return newest !== undefined && this.clock.now() - newest.sinceMs >= this.maxDelayMs;
  }
}
