// Classic mistake: a single leader for the whole system instead of a leader tier in each region, so a region's misses are answered from another region's cache.
import { VariantTao, type LeaderState } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override leaderOf(_region: string): LeaderState {
    return this.leaders.get(this.master)!;
  }
}
