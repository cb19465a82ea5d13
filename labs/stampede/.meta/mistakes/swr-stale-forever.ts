// Classic mistake: the stale window is ignored, so a value is served however old it is, as long as a
// refresh is being attempted.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override isUsable(): boolean {
    return true;
  }
}
