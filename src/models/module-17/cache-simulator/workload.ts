/**
 * Workloads for the cache simulator: where the requested keys come from. A workload knows nothing of
 * caches; the simulator (simulator.ts) takes keys from it and feeds them to a policy.
 *
 * Keys are the integers 0 … keys − 1, so policies can index typed arrays by key. Key 0 is the most
 * popular, key 1 the next, and so on.
 */
import { integerAtLeast } from '../../common/guards';
import type { Rng } from '../../common/rng';

/** A source of requested keys. */
export interface Workload {
  /** How many distinct keys it can request: keys are 0 … keys − 1. */
  readonly keys: number;
  /** The next requested key. */
  next(): number;
}

/** The most keys a Zipf workload may have; its tables take 12 bytes per key. */
export const MAX_KEYS = 10_000_000;

/** Throws unless `exponent` is a finite number >= 0. */
function checkExponent(exponent: number): void {
  if (!(Number.isFinite(exponent) && exponent >= 0)) throw new RangeError(`exponent must be a finite number >= 0 (got ${exponent})`);
}

// #region zipf
/**
 * The Zipf popularity law over `keys` keys: key i (counting from 0) is requested with probability
 * proportional to 1/(i + 1)^exponent. Exponent 0 is uniform; the larger the exponent, the more the
 * requests crowd onto the first keys.
 */
export function zipfProbabilities(keys: number, exponent: number): Float64Array {
  integerAtLeast('keys', keys, 1);
  if (keys > MAX_KEYS) throw new RangeError(`keys must be at most ${MAX_KEYS} (got ${keys})`);
  checkExponent(exponent);
  const p = new Float64Array(keys);
  let sum = 0;
  // Summed from the smallest term up, so the total loses as little precision as it can.
  for (let i = keys - 1; i >= 0; i--) {
    p[i] = (i + 1) ** -exponent;
    sum += p[i]!;
  }
  for (let i = 0; i < keys; i++) p[i]! /= sum;
  return p;
}
// #endregion

// #region alias
/**
 * Independent requests drawn from fixed probabilities (the independent reference model), in constant
 * time per request with Walker's alias method as Vose arranged it: each of the n columns holds one key's
 * share up to a threshold and hands the rest of the column to an "alias" key. One uniform number u makes
 * a draw: n·u's whole part picks the column and its fraction chooses between the column's key and its
 * alias. The Rng's numbers are multiples of 2^−32, so every key's probability is reproduced to within
 * 2^−32 for each column it appears in: exact enough for any hit ratio, and one draw instead of two.
 */
export class IndependentWorkload implements Workload {
  readonly keys: number;
  readonly #threshold: Float64Array;
  readonly #alias: Int32Array;
  readonly #rng: Rng;

  /** @param probabilities one per key, each >= 0, summing to 1 (within 1e-9) */
  constructor(probabilities: Float64Array, rng: Rng) {
    const n = probabilities.length;
    integerAtLeast('probabilities.length', n, 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const p = probabilities[i]!;
      if (!(p >= 0 && p <= 1)) throw new RangeError(`probabilities[${i}] must be between 0 and 1 (got ${p})`);
      total += p;
    }
    if (!(Math.abs(total - 1) <= 1e-9)) throw new RangeError(`probabilities must sum to 1 (they sum to ${total})`);
    this.keys = n;
    this.#rng = rng;
    this.#threshold = new Float64Array(n);
    this.#alias = new Int32Array(n);
    // Columns whose key has less than an average share (small) borrow from those with more (large).
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let smallCount = 0;
    let largeCount = 0;
    for (let i = n - 1; i >= 0; i--) {
      scaled[i] = probabilities[i]! * n;
      if (scaled[i]! < 1) small[smallCount++] = i;
      else large[largeCount++] = i;
    }
    while (smallCount > 0 && largeCount > 0) {
      const s = small[--smallCount]!;
      const l = large[largeCount - 1]!;
      this.#threshold[s] = scaled[s]!;
      this.#alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) {
        largeCount--;
        small[smallCount++] = l;
      }
    }
    // What is left is a full column (up to rounding): its key keeps all of it.
    while (largeCount > 0) {
      const l = large[--largeCount]!;
      this.#threshold[l] = 1;
      this.#alias[l] = l;
    }
    while (smallCount > 0) {
      const s = small[--smallCount]!;
      this.#threshold[s] = 1;
      this.#alias[s] = s;
    }
  }

  next(): number {
    const u = this.#rng.next() * this.keys;
    const column = u | 0;
    return u - column < this.#threshold[column]! ? column : this.#alias[column]!;
  }
}
// #endregion

/** Requests following the Zipf law over `keys` keys with the given exponent, drawn from `rng`. */
export function zipfWorkload(keys: number, exponent: number, rng: Rng): IndependentWorkload {
  return new IndependentWorkload(zipfProbabilities(keys, exponent), rng);
}
