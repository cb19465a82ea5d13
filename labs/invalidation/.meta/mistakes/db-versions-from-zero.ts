// Classic mistake: the first write of a key gets version 0 (a counter that starts at 0 and is read before it is incremented).
import { VariantDatabase } from '../support/variants';
export * from '../solution';

export class Database<V> extends VariantDatabase<V> {
  protected override firstVersion(): number {
    return 0;
  }
}
