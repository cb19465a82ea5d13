// Classic mistake: one "last delete" time for the whole cache, so deleting one key refuses sets of every other key.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override recordDelete(_key: string, now: number): void {
    this.deletedAt.set('*', now);
  }

  protected override guarded(_key: string, now: number): boolean {
    const at = this.deletedAt.get('*');
    return this.guardMs > 0 && at !== undefined && now < at + this.guardMs;
  }
}
