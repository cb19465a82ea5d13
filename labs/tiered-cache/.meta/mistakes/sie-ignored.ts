// Classic mistake: an upstream error is passed on even inside the stale-if-error window.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override inStaleIfError(): boolean {
    return false;
  }
}
