// Classic mistake: a cache treats an empty answer (an absent object, an empty list, a count of 0) as "not cached", so the most common answers go to the store every time.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override holds<V>(entries: Map<string, V>, key: string): boolean {
    const value = entries.get(key) as unknown;
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }
}
