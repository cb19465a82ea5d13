// Classic mistake: every request that misses asks the upstream itself: two concurrent misses for one asset in one data center reach the origin twice.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override flightKey(): string | null {
    return null;
  }
}
