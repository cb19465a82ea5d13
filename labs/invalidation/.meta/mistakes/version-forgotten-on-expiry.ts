// Classic mistake: the version record is dropped with the value when it expires, so an older version can be stored again after the TTL.
import { VariantCache } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override expire(key: string): void {
    this.entries.delete(key);
    this.newest.delete(key);
  }
}
