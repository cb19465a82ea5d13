// Classic mistake: in a region that is not the master, only the follower that took the write applies it; the region's leader and other followers wait for the invalidation.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override updatedIn(region: string, writer: number | undefined): { leader: boolean; followers: 'all' | number[] } {
    return region === this.master ? super.updatedIn(region, writer) : { leader: false, followers: writer === undefined ? [] : [writer] };
  }
}
