// Classic mistake: each lower tier has its own upper tier (lower tier i asks upper tier i mod n), so a path is fetched by several upper tiers.
import { variantCdn } from '../support/variants';
import type { TieredCdn, TieredCdnOptions } from '../solution';
export * from '../solution';

export function tieredCdn(options: TieredCdnOptions): TieredCdn {
  return variantCdn(options, { upperFor: (_path, lower, n) => lower % n });
}
