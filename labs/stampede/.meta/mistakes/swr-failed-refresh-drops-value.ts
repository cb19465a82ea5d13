// Classic mistake: a failed refresh evicts the stale value, so the next caller has to wait for the
// database although the value could still have been served.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override failed(key: string): void {
    this.entries.delete(key);
  }
}
