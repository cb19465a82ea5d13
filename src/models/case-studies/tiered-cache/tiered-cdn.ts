/**
 * A two-tier CDN over one origin, as Cloudflare's Tiered Cache arranges its data centers: lower tiers
 * (the data centers visitors reach) ask an upper tier on a miss, and only upper tiers ask the origin.
 * With several upper tiers, each path has one of them, chosen from the path alone, so that every lower
 * tier asks the same upper tier for it (as Generic Global Tiered Cache hashes content to one upper
 * tier per region since 2024).
 */
import type { Clock } from '../../common/clock';
import { EdgeCache, type Upstream } from './edge-cache';

/** Options of {@link tieredCdn}. */
export interface TieredCdnOptions {
  /** The origin: only the upper tiers ask it. */
  origin: Upstream;
  /** The clock every cache reads. */
  clock: Clock;
  /** How many lower-tier data centers: an integer >= 1. */
  lowerTiers: number;
  /** How many upper-tier data centers: an integer >= 1. */
  upperTiers: number;
}

/** The caches of a two-tier CDN; visitors' requests go to the lower tiers. */
export interface TieredCdn {
  lower: EdgeCache[];
  upper: EdgeCache[];
}

// #region route
/** Which of `upperTiers` upper tiers holds `path`: FNV-1a of its characters (the first UTF-16 unit of each), modulo the count. */
export function upperTierOf(path: string, upperTiers: number): number {
  let hash = 0x811c9dc5;
  for (const unit of path) hash = Math.imul(hash ^ unit.charCodeAt(0), 0x01000193);
  return (hash >>> 0) % upperTiers;
}
// #endregion

/** Builds the tiers: each lower tier's upstream is the path's upper tier; each upper tier's is the origin. */
export function tieredCdn(options: TieredCdnOptions): TieredCdn {
  const { origin, clock, lowerTiers, upperTiers } = options;
  if (!(Number.isInteger(lowerTiers) && lowerTiers >= 1)) throw new RangeError(`lowerTiers must be an integer >= 1 (got ${lowerTiers})`);
  if (!(Number.isInteger(upperTiers) && upperTiers >= 1)) throw new RangeError(`upperTiers must be an integer >= 1 (got ${upperTiers})`);
  const upper = Array.from({ length: upperTiers }, () => new EdgeCache({ upstream: origin, clock }));
  const route: Upstream = { fetch: (path) => upper[upperTierOf(path, upperTiers)]!.fetch(path) };
  const lower = Array.from({ length: lowerTiers }, () => new EdgeCache({ upstream: route, clock }));
  return { lower, upper };
}
