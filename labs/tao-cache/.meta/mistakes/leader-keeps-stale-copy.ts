// Classic mistake: an invalidation that arrives in a region reaches the followers but not their leader, so the next follower miss is refilled from the leader's stale copy.
import { VariantTao } from '../support/variants';
import type { Invalidation } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override arrive(region: string, invalidation: Invalidation): void {
    for (const cache of this.followerCaches.get(region)!) this.dropEntries(cache, invalidation);
  }
}
