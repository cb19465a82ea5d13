// Classic mistake: the master region's leader updates its own cache after a write but not its followers', so other follower tiers of the master region serve the old data.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override updatedIn(region: string, writer: number | undefined): { leader: boolean; followers: 'all' | number[] } {
    return region === this.master ? { leader: true, followers: writer === undefined ? [] : [writer] } : super.updatedIn(region, writer);
  }
}
