// Classic mistake: the edge counts a copy's age from its arrival, ignoring the age it already had (the Age field).
import { VariantEdgeCache } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override ageAtReceipt(): number {
    return 0;
  }
}
