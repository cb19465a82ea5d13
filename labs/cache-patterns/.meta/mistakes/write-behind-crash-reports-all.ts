// Classic mistake: crash reports every write ever acknowledged as lost, including those already flushed to the database.
import { VariantWriteBehind } from '../support/variants';
import type { LostWrite } from '../solution';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override lostWrites(): LostWrite<V>[] {
    return [...this.acknowledged];
  }
}
