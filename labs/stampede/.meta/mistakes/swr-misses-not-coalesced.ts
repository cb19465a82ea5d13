// Classic mistake: background refreshes are coalesced, but callers who must wait each start a load of
// their own, so a cold key still stampedes.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override load(key: string, load: () => Promise<V>): Promise<V> {
    return this.fetch(key, load);
  }

  protected override refresh(key: string, load: () => Promise<V>): Promise<V> {
    return this.flights.coalesce(key, () => this.fetch(key, load));
  }
}
