// Classic mistake: crash reports the first pending value of a key instead of the latest one acknowledged.
import { VariantWriteBehind } from '../support/variants';
import type { LostWrite } from '../solution';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override lostWrites(): LostWrite<V>[] {
    return [...this.pending.values()].map((p) => ({ key: p.key, value: p.firstValue, writtenAtMs: p.writtenAtMs }));
  }
}
