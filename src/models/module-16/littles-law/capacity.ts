/**
 * Little's Law and first-order capacity planning.
 *
 * Units: rates are per second and times are in seconds, except where a name ends in `Ms`.
 * This module is the reference solution of the `littles-law` lab and the engine of the lesson's
 * capacity calculator, so the page and the grader agree by construction.
 */
import { integerAtLeast, nonNegative, openUnitInterval, positive } from '../../common/guards';

/** The target utilization that {@link capacityPlan} plans for when none is given. */
export const DEFAULT_TARGET_UTILIZATION = 0.7;

/**
 * Little's Law: the long-run average number of items in a system, L = λ·W.
 * @param arrivalRate λ, items admitted per second (>= 0)
 * @param timeInSystem W, the mean time an item spends inside the boundary, in seconds (>= 0)
 * @example littlesLaw(1000, 0.2) // 200 requests in the system on average
 */
export function littlesLaw(arrivalRate: number, timeInSystem: number): number {
  nonNegative('arrivalRate', arrivalRate);
  nonNegative('timeInSystem', timeInSystem);
  return arrivalRate * timeInSystem;
}

/**
 * Utilization of a pool of identical servers, ρ = λ / (c·μ).
 * @param arrivalRate λ, arrivals per second (>= 0)
 * @param serviceRate μ, completions per second of one busy server (> 0)
 * @param servers c, a positive integer
 * @default servers 1
 */
export function utilization(arrivalRate: number, serviceRate: number, servers = 1): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  integerAtLeast('servers', servers, 1);
  return arrivalRate / (servers * serviceRate);
}

/**
 * The fewest servers that keep the queue stable: the smallest integer c >= 1 with λ / (c·μ) < 1.
 * When λ/μ is a whole number n, n servers run at exactly ρ = 1, which is not stable, so the answer is
 * n + 1; in every case it is ⌊λ/μ⌋ + 1.
 */
export function minServersForStability(arrivalRate: number, serviceRate: number): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  return Math.floor(arrivalRate / serviceRate) + 1;
}

/**
 * The fewest servers that bring utilization down to a target: the smallest integer c >= 1 with
 * λ / (c·μ) <= target.
 * @param target the utilization to stay at or under, strictly between 0 and 1
 */
export function serversForUtilization(arrivalRate: number, serviceRate: number, target: number): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  openUnitInterval('target', target);
  const c = Math.max(1, Math.ceil(arrivalRate / serviceRate / target));
  // Division rounds: 21 / 0.7 is 30.000000000000004, which would round up to 31, although 30 servers
  // meet a 70% target exactly. The condition itself has the last word.
  return c > 1 && arrivalRate / ((c - 1) * serviceRate) <= target ? c - 1 : c;
}

/** A steady workload to plan for. */
export interface Workload {
  /** λ, requests per second (>= 0). */
  arrivalRate: number;
  /** E[S], the mean time one request occupies a server, in milliseconds (> 0). */
  serviceTimeMs: number;
  /**
   * The utilization the recommended pool should not exceed, strictly between 0 and 1.
   * @default 0.7
   */
  targetUtilization?: number;
}

/** What {@link capacityPlan} recommends. */
export interface CapacityPlan {
  /** λ·E[S]: requests being served at any moment, on average (not counting those waiting). */
  inService: number;
  /** The fewest servers for which the queue is stable. */
  minServers: number;
  /** The fewest servers whose utilization is at or under the target. */
  recommendedServers: number;
  /** Utilization at the recommended server count. */
  utilization: number;
}

/**
 * Sizes a pool of servers for a steady workload.
 * @example capacityPlan({ arrivalRate: 2000, serviceTimeMs: 50 })
 * // { inService: 100, minServers: 101, recommendedServers: 143, utilization: 0.699… }
 */
export function capacityPlan(workload: Workload): CapacityPlan {
  const { arrivalRate, serviceTimeMs, targetUtilization = DEFAULT_TARGET_UTILIZATION } = workload;
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceTimeMs', serviceTimeMs);
  openUnitInterval('targetUtilization', targetUtilization);
  const serviceRate = 1000 / serviceTimeMs;
  const recommendedServers = serversForUtilization(arrivalRate, serviceRate, targetUtilization);
  return {
    inService: littlesLaw(arrivalRate, serviceTimeMs / 1000),
    minServers: minServersForStability(arrivalRate, serviceRate),
    recommendedServers,
    utilization: utilization(arrivalRate, serviceRate, recommendedServers),
  };
}
