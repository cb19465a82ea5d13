// Classic mistake: delete never opens the guard window (guardMs is kept but not used), so the stale set gets through.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override recordDelete(): void {}
}
