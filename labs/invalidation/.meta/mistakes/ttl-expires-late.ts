// Classic mistake: an entry counts as expired only after its TTL (`now > expiresAt`), so it is still served at exactly set time + ttlMs.
import { VariantCache, type Entry } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override expired(entry: Entry<V>, now: number): boolean {
    return now > entry.expiresAt;
  }
}
