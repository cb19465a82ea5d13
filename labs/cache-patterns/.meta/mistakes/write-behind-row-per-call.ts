// Classic mistake: flushes one row per database call instead of one writeBatch, which throws away what batching is for.
import { VariantWriteBehind } from '../support/variants';
export * from '../solution';

export class WriteBehindCache<V> extends VariantWriteBehind<V> {
  protected override writeOut(entries: Array<readonly [string, V]>): void {
    for (const [key, value] of entries) this.db.write(key, value);
  }
}
