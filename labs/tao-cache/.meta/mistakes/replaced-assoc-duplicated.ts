// Classic mistake: adding an association that already exists (same id1, atype, id2) inserts a second copy in the cached list instead of replacing it, and counts it twice.
import { VariantTao, listKey, type Change, type VariantCache } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override applyChange(cache: VariantCache, change: Change): void {
    if (change.kind === 'object') return super.applyChange(cache, change);
    const key = listKey(change.assoc.id1, change.assoc.atype);
    const list = cache.lists.get(key);
    if (list) {
      const updated = this.sortList([...list, change.assoc]);
      cache.lists.set(key, updated);
      cache.counts.set(key, updated.length);
    } else {
      cache.counts.delete(key);
    }
  }
}
