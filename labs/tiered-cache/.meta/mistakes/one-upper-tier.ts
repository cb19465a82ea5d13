// Classic mistake: every path goes to the first upper tier, leaving the others idle.
import { variantCdn } from '../support/variants';
import type { TieredCdn, TieredCdnOptions } from '../solution';
export * from '../solution';

export function tieredCdn(options: TieredCdnOptions): TieredCdn {
  return variantCdn(options, { upperFor: () => 0 });
}
