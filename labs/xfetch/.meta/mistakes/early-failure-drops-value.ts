// Classic mistake: a failed early recomputation returns the cached value but evicts it, so the next get
// is a miss although the value is still fresh.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override async earlyFailed(key: string, entry: Entry<V>): Promise<V> {
    this.entries.delete(key);
    return entry.value;
  }
}
