// Classic mistake: a region that is not the master does not apply its own write when it comes back, and waits for the invalidation like every other region, so the writer does not see its own write.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override updatedIn(region: string, writer: number | undefined): { leader: boolean; followers: 'all' | number[] } {
    return region === this.master ? super.updatedIn(region, writer) : { leader: false, followers: [] };
  }
}
