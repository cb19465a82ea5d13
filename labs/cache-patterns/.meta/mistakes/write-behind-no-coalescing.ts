// Classic mistake: queues every write instead of one per key, so a key written three times fills three places in the batch and is written three times.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  private counter = 0;

  protected override pendingKey(key: string): string {
    return `${key}#${this.counter++}`;
  }
}
