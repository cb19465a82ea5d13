/**
 * Samplers of interarrival and service times for the queue simulator: each is a function `() => number`
 * that draws one time from the course's seeded Rng, so a run is reproducible from its seed. They are
 * parameterised by the mean and the squared coefficient of variation (scv = variance / mean²), the two
 * numbers Kingman's approximation uses.
 */
import { integerAtLeast, nonNegative, positive } from './guards';
import { exponential, type Rng } from './rng';

/**
 * Draws one time (interarrival or service), in the caller's unit. Defined here, with the samplers,
 * so that the common helpers the labs' tests import depend on nothing outside src/models/common/.
 */
export type Sampler = () => number;

/**
 * The most phases {@link fittedSampler} uses for an scv below 1; it bounds the work of one draw.
 * Smaller nonzero scvs than 1/MAX_PHASES are refused (0, a constant time, is fine).
 */
export const MAX_PHASES = 100;

/** The same time every draw: scv = 0. */
export function deterministicSampler(value: number): Sampler {
  nonNegative('value', value);
  return () => value;
}

/** Exponential times with the given mean: scv = 1 (Poisson arrivals when used for interarrival times). */
export function exponentialSampler(rng: Rng, mean: number): Sampler {
  positive('mean', mean);
  return () => exponential(rng, mean);
}

/** One Erlang draw: the sum of `phases` exponential phases with rate `rate`, so mean phases/rate. */
function erlangDraw(rng: Rng, phases: number, rate: number): number {
  let sum = 0;
  for (let i = 0; i < phases; i++) sum -= Math.log(1 - rng.next());
  return sum / rate;
}

/** Erlang-k times: the sum of k exponential phases, each with mean mean/k, so scv = 1/k. */
export function erlangSampler(rng: Rng, mean: number, phases: number): Sampler {
  positive('mean', mean);
  integerAtLeast('phases', phases, 1);
  const rate = phases / mean;
  return () => erlangDraw(rng, phases, rate);
}

/**
 * Two-phase hyperexponential times with balanced means, for scv >= 1: with probability p an exponential
 * of mean mean/(2p), otherwise one of mean mean/(2(1−p)), where p = (1 + √((scv−1)/(scv+1)))/2.
 * Mostly short times with the occasional long one: bursty arrivals, or a service with slow outliers.
 */
export function hyperexponentialSampler(rng: Rng, mean: number, scv: number): Sampler {
  positive('mean', mean);
  if (!(Number.isFinite(scv) && scv >= 1)) throw new RangeError(`scv must be a finite number >= 1 (got ${scv})`);
  const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
  const mean1 = mean / (2 * p);
  const mean2 = mean / (2 * (1 - p));
  return () => (rng.next() < p ? exponential(rng, mean1) : exponential(rng, mean2));
}

/**
 * A sampler with the given mean and scv: constant for 0, a mix of Erlang-(k−1) and Erlang-k with a
 * common phase rate for 0 < scv < 1 (Tijms's fit, which matches both moments exactly), exponential for
 * 1, and a balanced two-phase hyperexponential above 1.
 * @param scv 0, or from 1/MAX_PHASES upwards
 */
export function fittedSampler(rng: Rng, mean: number, scv: number): Sampler {
  positive('mean', mean);
  nonNegative('scv', scv);
  if (scv === 0) return deterministicSampler(mean);
  if (scv === 1) return exponentialSampler(rng, mean);
  if (scv > 1) return hyperexponentialSampler(rng, mean, scv);
  if (scv < 1 / MAX_PHASES) {
    throw new RangeError(`scv must be 0 or at least ${1 / MAX_PHASES} (got ${scv}): smaller values need too many phases`);
  }
  // The k with 1/k <= scv <= 1/(k−1); with probability p a draw has k − 1 phases, otherwise k.
  const k = Math.ceil(1 / scv);
  // The root's argument, k·(1 − (k−1)·scv), is >= 0 but can round to a hair below 0 at scv = 1/(k−1).
  const p = (k * scv - Math.sqrt(Math.max(0, k * (1 + scv) - k * k * scv))) / (1 + scv);
  const rate = (k - p) / mean;
  return () => erlangDraw(rng, rng.next() < p ? k - 1 : k, rate);
}
