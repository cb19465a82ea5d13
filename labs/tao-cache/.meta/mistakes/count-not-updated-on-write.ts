// Classic mistake: a write updates the cached association list but leaves the cached count as it was.
import { VariantTao, listKey, type Change, type VariantCache } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override applyChange(cache: VariantCache, change: Change): void {
    if (change.kind === 'object') return super.applyChange(cache, change);
    const key = listKey(change.assoc.id1, change.assoc.atype);
    const list = cache.lists.get(key);
    if (list) cache.lists.set(key, this.sortList([...list.filter((a) => a.id2 !== change.assoc.id2), change.assoc]));
  }
}
