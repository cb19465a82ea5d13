/**
 * Lab: Little's Law and capacity planning.
 *
 * Fill in each function below, then run `npm run grade littles-law` to see your score.
 * Units: rates are per second and times are in seconds, except where a name ends in `Ms`.
 *
 * Bad input — a negative, NaN or infinite number, a zero service rate or service time, a server
 * count that is not a positive integer, a target outside (0, 1) — must throw a RangeError whose
 * message names the argument, for example `new RangeError('arrivalRate must be >= 0 (got -1)')`.
 *
 * Labs are checked as strict TypeScript with `noUncheckedIndexedAccess`: `items[i]` has the type
 * `T | undefined` until you check it. The grader shows type errors as warnings beside your score;
 * fix them as your editor shows them.
 */

/**
 * Little's Law: the average number of items inside a system, L = λ·W.
 * @param arrivalRate λ, items admitted per second
 * @param timeInSystem W, the average time an item spends inside, in seconds
 */
export function littlesLaw(arrivalRate: number, timeInSystem: number): number {
  // TODO: return L = λ·W after checking both arguments.
  throw new Error('not implemented: littlesLaw');
}

/**
 * The utilization of c identical servers, ρ = λ / (c·μ).
 * @param arrivalRate λ, arrivals per second
 * @param serviceRate μ, requests one busy server completes per second
 * @param servers c, a positive integer; 1 when left out
 */
export function utilization(arrivalRate: number, serviceRate: number, servers = 1): number {
  // TODO
  throw new Error('not implemented: utilization');
}

/**
 * The fewest servers that keep the queue stable: the smallest integer c >= 1 with λ / (c·μ) < 1.
 */
export function minServersForStability(arrivalRate: number, serviceRate: number): number {
  // TODO: mind the case where λ/μ is a whole number.
  throw new Error('not implemented: minServersForStability');
}

/**
 * The fewest servers that bring utilization down to a target: the smallest integer c >= 1 with
 * λ / (c·μ) <= target, for 0 < target < 1.
 */
export function serversForUtilization(arrivalRate: number, serviceRate: number, target: number): number {
  // TODO
  throw new Error('not implemented: serversForUtilization');
}

/** A steady workload to plan for. */
export interface Workload {
  /** λ, requests per second. */
  arrivalRate: number;
  /** E[S], the average time one request occupies a server, in milliseconds. */
  serviceTimeMs: number;
  /** The utilization not to exceed, strictly between 0 and 1; 0.7 when left out. */
  targetUtilization?: number;
}

/** A capacity plan for a {@link Workload}. */
export interface CapacityPlan {
  /** λ·E[S]: requests being served at any moment, on average (not counting those waiting). */
  inService: number;
  /** The fewest servers for which the queue is stable. */
  minServers: number;
  /** The fewest servers whose utilization is at or under the target. */
  recommendedServers: number;
  /** The utilization at `recommendedServers`. */
  utilization: number;
}

/**
 * Sizes a pool of servers for a workload, using the functions above.
 */
export function capacityPlan(workload: Workload): CapacityPlan {
  // TODO
  throw new Error('not implemented: capacityPlan');
}
