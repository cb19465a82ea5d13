/**
 * Hit ratios from formulas, for a cache of `capacity` equal-sized keys under the independent reference
 * model (each request names key i with a fixed probability p_i, independently of the others):
 *
 * - LRU, Che's approximation (Che, Tung and Wang, IEEE JSAC 20(7), 2002): a key is in the cache exactly
 *   when it was requested within the last T requests, the cache's characteristic time. So key i hits
 *   with probability 1 − e^{−p_i·T}, and T is where the expected number of keys present equals the
 *   capacity: Σ_i (1 − e^{−p_i·T}) = C.
 * - FIFO and random eviction (Martina, Garetto and Leonardi, INFOCOM 2014): the same idea with
 *   h_i = p_i·T / (1 + p_i·T) and Σ_i h_i = C.
 * - The C most popular keys: Σ of the C largest p_i. No policy that decides from the past alone can do
 *   better while popularity stays fixed; LFU that counts every request approaches it.
 *
 * Times are counted in requests; divide by the request rate for seconds.
 */
import { integerAtLeast } from '../../common/guards';

function checkProbabilities(probabilities: Float64Array): void {
  integerAtLeast('probabilities.length', probabilities.length, 1);
}

/** Σ_i (1 − e^{−p_i·t}): the expected number of keys an LRU cache with characteristic time t holds. */
function lruOccupancy(p: Float64Array, t: number): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum -= Math.expm1(-p[i]! * t);
  return sum;
}

/** Σ_i p_i·t / (1 + p_i·t): the same for FIFO and random eviction. */
function fifoOccupancy(p: Float64Array, t: number): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i]! * t) / (1 + p[i]! * t);
  return sum;
}

/** Solves f(t) = target for an increasing f with f(0) = 0, by bisection on t > 0 (to `tolerance`, relative). */
function solveIncreasing(f: (t: number) => number, target: number, tolerance = 1e-12): number {
  let lo = 0;
  let hi = 1;
  while (f(hi) < target) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > tolerance * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The number of keys with a nonzero probability: the most any cache can fill with them. */
function reachable(p: Float64Array): number {
  let n = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) n++;
  return n;
}

// #region che
/** Che's characteristic time of an LRU cache, in requests: T with Σ_i (1 − e^{−p_i·T}) = capacity. Infinity when every key fits. */
export function cheCharacteristicTime(probabilities: Float64Array, capacity: number): number {
  checkProbabilities(probabilities);
  integerAtLeast('capacity', capacity, 1);
  if (capacity >= reachable(probabilities)) return Number.POSITIVE_INFINITY;
  return solveIncreasing((t) => lruOccupancy(probabilities, t), capacity);
}

/** The hit ratio of key-by-key hit probabilities h(p_i): Σ_i p_i·h(p_i). */
function hitRatioWith(p: Float64Array, h: (pi: number) => number): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += p[i]! * h(p[i]!);
  return sum;
}

/** LRU's hit ratio by Che's approximation: Σ_i p_i·(1 − e^{−p_i·T}). */
export function cheHitRatio(probabilities: Float64Array, capacity: number): number {
  const t = cheCharacteristicTime(probabilities, capacity);
  if (t === Number.POSITIVE_INFINITY) return 1;
  return hitRatioWith(probabilities, (pi) => -Math.expm1(-pi * t));
}
// #endregion

/** The characteristic time of a FIFO or random-eviction cache: T with Σ_i p_i·T/(1 + p_i·T) = capacity. */
export function fifoCharacteristicTime(probabilities: Float64Array, capacity: number): number {
  checkProbabilities(probabilities);
  integerAtLeast('capacity', capacity, 1);
  if (capacity >= reachable(probabilities)) return Number.POSITIVE_INFINITY;
  return solveIncreasing((t) => fifoOccupancy(probabilities, t), capacity);
}

/** The hit ratio of FIFO and of random eviction (the same formula): Σ_i p_i·(p_i·T/(1 + p_i·T)). */
export function fifoHitRatio(probabilities: Float64Array, capacity: number): number {
  const t = fifoCharacteristicTime(probabilities, capacity);
  if (t === Number.POSITIVE_INFINITY) return 1;
  return hitRatioWith(probabilities, (pi) => (pi * t) / (1 + pi * t));
}

/** The share of requests for the `capacity` most popular keys: the best hit ratio under fixed popularity. */
export function topKeysHitRatio(probabilities: Float64Array, capacity: number): number {
  checkProbabilities(probabilities);
  integerAtLeast('capacity', capacity, 1);
  if (capacity >= reachable(probabilities)) return 1;
  const sorted = Float64Array.from(probabilities).sort().reverse();
  let sum = 0;
  for (let i = 0; i < capacity; i++) sum += sorted[i]!;
  return Math.min(1, sum);
}

// #region sizing
/**
 * The smallest LRU cache, in keys, whose hit ratio by Che's approximation reaches `target`. Found from
 * the characteristic time: the hit ratio Σ p_i·(1 − e^{−p_i·T}) grows with T, so bisection finds the T
 * that gives the target, and the cache that has that T holds Σ (1 − e^{−p_i·T}) keys; rounded up.
 */
export function lruCapacityFor(probabilities: Float64Array, target: number): number {
  checkProbabilities(probabilities);
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be strictly between 0 and 1 (got ${target})`);
  // 1e-9 is plenty here: the answer is rounded to a whole key.
  const t = solveIncreasing((x) => hitRatioWith(probabilities, (pi) => -Math.expm1(-pi * x)), target, 1e-9);
  if (t === Number.POSITIVE_INFINITY) return probabilities.length;
  // Rounding: the occupancy is a real number; the next whole key reaches the target.
  return Math.max(1, Math.ceil(lruOccupancy(probabilities, t) - 1e-9));
}

/** The fewest keys whose combined popularity reaches `target`: the smallest cache any policy could use. */
export function topKeysCapacityFor(probabilities: Float64Array, target: number): number {
  checkProbabilities(probabilities);
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be strictly between 0 and 1 (got ${target})`);
  const sorted = Float64Array.from(probabilities).sort().reverse();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i]!;
    if (sum >= target) return i + 1;
  }
  return sorted.length;
}
// #endregion
