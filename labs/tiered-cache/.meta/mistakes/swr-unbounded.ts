// Classic mistake: a copy with stale-while-revalidate is served stale however long ago its window closed.
import { VariantEdgeCache, type Copy } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override inStaleWhileRevalidate(copy: Copy): boolean {
    return copy.swrUntil > copy.freshUntil;
  }
}
