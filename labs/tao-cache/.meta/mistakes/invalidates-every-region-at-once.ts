// Classic mistake: the master's leader drops the changed entries in every region at once instead of sending invalidations through the channel, which real regions thousands of miles away cannot do.
import { VariantTao } from '../support/variants';
import type { Invalidation } from '../solution';
export * from '../solution';

export class Tao extends VariantTao {
  protected override sendInvalidations(from: string, invalidation: Invalidation): Promise<void>[] {
    for (const region of this.regionNames) if (region !== from) this.arrive(region, invalidation);
    return [];
  }
}
