// Classic mistake: a stale get waits for the refresh it starts, so callers pay the database's latency
// exactly when stale-while-revalidate should have hidden it.
import { VariantSwrCache, type SwrEntry } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override serveStale(key: string, _entry: SwrEntry<V>, load: () => Promise<V>): Promise<V> {
    return this.refresh(key, load);
  }
}
