// Classic mistake: an invalidation that arrives in a region is applied at the leader only, so a follower goes on serving its stale copy after the invalidation arrived.
import { VariantTao } from '../support/variants';
import type { Invalidation } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override arrive(region: string, invalidation: Invalidation): void {
    this.dropEntries(this.leaderOf(region).cache, invalidation);
  }
}
