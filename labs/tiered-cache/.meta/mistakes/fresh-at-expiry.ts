// Classic mistake: a copy exactly as old as its lifetime still counts as fresh (age <= lifetime instead of age < lifetime).
import { VariantEdgeCache, type Copy } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override isFresh(copy: Copy, now: number): boolean {
    return now <= copy.freshUntil;
  }
}
