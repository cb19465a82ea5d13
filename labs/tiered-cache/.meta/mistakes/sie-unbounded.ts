// Classic mistake: the stale copy replaces an upstream error however long ago its stale-if-error window closed.
import { VariantEdgeCache, type Copy } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override inStaleIfError(copy: Copy): boolean {
    return copy.sieUntil > copy.freshUntil;
  }
}
