// Classic mistake: an early recomputation stores the new value, but get resolves to the old one.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override earlyResult(_value: V, entry: Entry<V>): V {
    return entry.value;
  }
}
