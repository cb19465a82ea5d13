// Classic mistake: δ measured from the wrong clock reads: the time since the previous value was written
// instead of the time this recomputation took, so δ grows with the TTL.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  readonly #written = new Map<string, number>();

  protected override store(key: string, value: V, start: number, end: number, ttl: number): void {
    const previous = this.#written.get(key) ?? start;
    this.#written.set(key, end);
    this.entries.set(key, { value, delta: end - previous, expiry: end + ttl });
  }
}
