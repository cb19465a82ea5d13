// Classic mistake: checks for room before looking for the key, so replacing a value in a full cache evicts another entry.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override checksRoomFirst(): boolean {
    return true;
  }
}
