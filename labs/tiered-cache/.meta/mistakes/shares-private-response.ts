// Classic mistake: a response that turns out private is handed to every request that waited for it.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override sharesUnstorable(): boolean {
    return true;
  }
}
