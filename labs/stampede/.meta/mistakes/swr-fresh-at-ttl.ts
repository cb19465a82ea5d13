// Classic mistake: <= instead of <, so a value exactly ttl old still counts as fresh.
import { VariantSwrCache } from '../support/variants';
export * from '../solution';

export class SwrCache<V> extends VariantSwrCache<V> {
  protected override isFresh(age: number): boolean {
    return age <= this.ttl;
  }
}
