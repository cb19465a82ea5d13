// Classic mistake: an arriving association invalidation drops the cached list but not the cached count, so the count stays stale in that region.
import { VariantTao, listKey, type VariantCache } from '../support/variants';
import type { Invalidation } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override dropEntries(cache: VariantCache, invalidation: Invalidation): void {
    if (invalidation.kind === 'object') cache.objects.delete(String(invalidation.id));
    else cache.lists.delete(listKey(invalidation.id1, invalidation.atype));
  }
}
