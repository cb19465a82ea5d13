// Classic mistake: the lower tiers ask the origin themselves, so every data center that misses reaches it.
import { variantCdn } from '../support/variants';
import type { TieredCdn, TieredCdnOptions } from '../solution';
export * from '../solution';

export function tieredCdn(options: TieredCdnOptions): TieredCdn {
  return variantCdn(options, { lowerAsksOrigin: true });
}
