// Classic mistake: the guard window includes its end (`now <= deletedAt + guardMs`), so a set exactly guardMs after the delete is still refused.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override guarded(key: string, now: number): boolean {
    const at = this.deletedAt.get(key);
    return this.guardMs > 0 && at !== undefined && now <= at + this.guardMs;
  }
}
