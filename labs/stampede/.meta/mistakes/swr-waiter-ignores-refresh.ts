// Classic mistake: background refreshes and blocking loads are tracked apart, so a caller who finds the
// value too old starts a second load while a refresh of the same key is in flight.
import { VariantSingleFlight, VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  readonly #refreshes = new VariantSingleFlight();

  protected override refresh(key: string, load: () => Promise<V>): Promise<V> {
    return this.#refreshes.coalesce(key, () => this.fetch(key, load));
  }
}
