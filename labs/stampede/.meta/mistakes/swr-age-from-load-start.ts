// Classic mistake: the age is counted from when the load started, not when it finished, so a slow load
// makes its own value stale sooner.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override store(key: string, value: V, started: number): void {
    this.entries.set(key, { value, loadedAt: started });
  }
}
