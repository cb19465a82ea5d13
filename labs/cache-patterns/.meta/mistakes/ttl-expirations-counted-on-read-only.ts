// Classic mistake: counts an expiration only when a get stumbles on the expired entry, so entries that expire unread are never counted.
import { VariantLru } from '../support/variants';
export * from '../solution';

export class LruCache<V> extends VariantLru<V> {
  protected override sweep(): void {
    const now = this.clock.now();
    this.entries = this.entries.filter((e) => !this.isExpired(e, now));
  }

  protected override sweepsOnGet(): boolean {
    return false;
  }
}
