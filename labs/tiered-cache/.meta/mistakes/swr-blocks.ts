// Classic mistake: inside the stale-while-revalidate window the request waits for the refresh instead of getting the stale copy at once.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override waitsForRefresh(): boolean {
    return true;
  }
}
