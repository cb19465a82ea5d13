// Classic mistake: every request inside the stale-while-revalidate window starts its own background refresh.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override startsRefresh(): boolean {
    return true;
  }
}
