// Classic mistake: every stale get starts a refresh of its own, so the herd that stale-while-revalidate
// should have absorbed reaches the database in the background instead.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override refresh(key: string, load: () => Promise<V>): Promise<V> {
    return this.fetch(key, load);
  }
}
