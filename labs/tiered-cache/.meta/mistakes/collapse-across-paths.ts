// Classic mistake: requests are collapsed onto whatever fetch is in flight, whatever its path.
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override flightKey(): string | null {
    return '*';
  }
}
