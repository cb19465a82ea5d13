// Classic mistake: a failed early recomputation rejects, although the cached value is still fresh and
// could have been returned.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override async earlyFailed(_key: string, _entry: Entry<V>, error: unknown): Promise<V> {
    throw error;
  }
}
