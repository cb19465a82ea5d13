/**
 * The arithmetic of a hit ratio, for the lesson "Why cache, and where". A hit ratio h is the share of
 * requests a cache answers itself; the other 1 − h go on to the origin (the next layer, or the
 * database). Everything here follows from that one split:
 *
 *   mean latency   E[T] = h·t_hit + (1 − h)·t_miss
 *   origin load    λ_origin = (1 − h)·λ
 *   a page of n independent lookups is all hits with probability hⁿ
 *
 * Pure functions with checked inputs (a RangeError naming the argument), used by the lesson's tables at
 * build time so that the numbers on the page are computed, not typed.
 */

function ratio(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a number from 0 to 1 (got ${value})`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite number >= 0 (got ${value})`);
  return value;
}

/** Mean latency of a request, in ms, when a share `hitRatio` of requests hit. */
export function meanLatencyMs(hitRatio: number, hitMs: number, missMs: number): number {
  ratio('hitRatio', hitRatio);
  return hitRatio * nonNegative('hitMs', hitMs) + (1 - hitRatio) * nonNegative('missMs', missMs);
}

/** Requests per second that reach the origin: the misses. */
export function originRate(requestRate: number, hitRatio: number): number {
  return (1 - ratio('hitRatio', hitRatio)) * nonNegative('requestRate', requestRate);
}

/**
 * How many times its usual load the origin gets if the cache suddenly answers nothing (a restart, a
 * flush, a failed node): all of λ instead of (1 − h)·λ, so 1 / (1 − h). Infinity at h = 1.
 */
export function coldCacheMultiplier(hitRatio: number): number {
  return 1 / (1 - ratio('hitRatio', hitRatio));
}

/** The probability that all `lookups` independent lookups of one page hit. */
export function allHitProbability(hitRatio: number, lookups: number): number {
  ratio('hitRatio', hitRatio);
  if (!(Number.isInteger(lookups) && lookups >= 0)) throw new RangeError(`lookups must be an integer >= 0 (got ${lookups})`);
  return hitRatio ** lookups;
}

/** The lowest hit ratio at which the misses fit in the origin's capacity: 1 − capacity/λ, and 0 if it needs no cache. */
export function requiredHitRatio(requestRate: number, originCapacity: number): number {
  nonNegative('requestRate', requestRate);
  nonNegative('originCapacity', originCapacity);
  return requestRate === 0 ? 0 : Math.max(0, 1 - originCapacity / requestRate);
}

/** One row of the lesson's table: what a hit ratio buys, for a given workload. */
export interface HitRatioRow {
  hitRatio: number;
  meanLatencyMs: number;
  originRate: number;
  /** The mean latency without any cache divided by the mean with it. */
  speedup: number;
}

/** The lesson's table: for each hit ratio, the mean latency, the origin load and the speed-up. */
export function hitRatioTable(hitRatios: readonly number[], requestRate: number, hitMs: number, missMs: number): HitRatioRow[] {
  return hitRatios.map((h) => {
    const mean = meanLatencyMs(h, hitMs, missMs);
    return { hitRatio: h, meanLatencyMs: mean, originRate: originRate(requestRate, h), speedup: missMs / mean };
  });
}

/** The workload of the lesson's worked example: round numbers, chosen for the arithmetic, not measured. */
export const LESSON_EXAMPLE = { requestRate: 10_000, hitMs: 1, missMs: 50, hitRatios: [0, 0.5, 0.9, 0.95, 0.99, 0.999] } as const;
