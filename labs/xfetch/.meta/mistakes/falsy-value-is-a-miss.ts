// Classic mistake: "if (!value)" to detect a miss, so a cached 0, '' or false is recomputed every time.
import { VariantXFetch, type Entry } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override lookup(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    return entry?.value ? entry : undefined;
  }
}
