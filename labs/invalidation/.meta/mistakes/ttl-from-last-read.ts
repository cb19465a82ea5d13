// Classic mistake: every read pushes the expiry back, so the TTL runs from the last read instead of the write, and a popular stale value never expires.
import { VariantCache, type Entry } from '../support/variants';
export * from '../solution';

export class Cache<V> extends VariantCache<V> {
  protected override touched(entry: Entry<V>, now: number): void {
    entry.expiresAt = now + this.ttlMs;
  }
}
