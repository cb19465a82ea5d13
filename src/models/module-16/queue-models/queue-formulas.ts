/**
 * Closed-form queueing formulas: M/M/1, Erlang B and C, M/M/c, the tail of the waiting time, the fewest
 * servers that meet a waiting-time target, and Kingman's approximation for one server.
 *
 * Units: rates are per second and times are in seconds. λ = arrivalRate, μ = serviceRate (of one
 * server), c = servers, a = λ/μ (the offered load, in erlangs), ρ = λ/(c·μ) (the utilization).
 * This module is the reference solution of the `queue-models` lab and the engine of the lesson's
 * hockey-stick explorer, so the page and the grader agree by construction.
 */
import { integerAtLeast, nonNegative, positive } from '../../common/guards';

/** Long-run averages of a stable queue. */
export interface QueueMetrics {
  /** ρ, the fraction of time the average server is busy. */
  utilization: number;
  /** L, the mean number in the system (waiting or in service). */
  inSystem: number;
  /** Lq, the mean number waiting. */
  inQueue: number;
  /** W, the mean time from arrival to departure, in seconds. */
  timeInSystem: number;
  /** Wq, the mean time spent waiting before service starts, in seconds. */
  timeInQueue: number;
}

/** {@link QueueMetrics} of a pool of servers, with the probability that an arrival has to wait. */
export interface MultiServerMetrics extends QueueMetrics {
  /** C(c, a), Erlang's C formula: the share of arrivals that find every server busy. */
  probabilityOfWaiting: number;
}

/** Checks λ, μ and c, and that the pool keeps up (λ < c·μ); returns the offered load a = λ/μ. */
function stableLoad(arrivalRate: number, serviceRate: number, servers: number): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  integerAtLeast('servers', servers, 1);
  const load = arrivalRate / serviceRate;
  if (!(load < servers)) {
    throw new RangeError(
      `arrivalRate must be below servers × serviceRate (${servers} × ${serviceRate}/s) for a stable queue (got ${arrivalRate}/s)`,
    );
  }
  return load;
}

// #region mm1
/**
 * The M/M/1 queue: Poisson arrivals, exponential service times, one server.
 * L = ρ/(1−ρ), Lq = ρ²/(1−ρ), W = 1/(μ−λ), Wq = ρ/(μ−λ), with ρ = λ/μ < 1.
 * @example mm1(16, 20).timeInQueue // 0.2 s: at ρ = 0.8 a request waits four service times
 */
export function mm1(arrivalRate: number, serviceRate: number): QueueMetrics {
  const rho = stableLoad(arrivalRate, serviceRate, 1);
  const timeInSystem = 1 / (serviceRate - arrivalRate);
  return {
    utilization: rho,
    inSystem: rho / (1 - rho),
    inQueue: (rho * rho) / (1 - rho),
    timeInSystem,
    timeInQueue: rho * timeInSystem,
  };
}
// #endregion mm1

// #region erlang
/**
 * Erlang's B formula, the probability that all c servers are busy in a loss system with offered load a,
 * by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). Every step stays between 0 and 1, so
 * it works for thousands of servers, where aᶜ and c! overflow a double long before.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  integerAtLeast('servers', servers, 1);
  nonNegative('offeredLoad', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C from Erlang B for the same c and a: C = c·B / (c − a·(1 − B)). */
function erlangCFromB(servers: number, offeredLoad: number, b: number): number {
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue finds all c servers busy and
 * has to wait. Needs a < c (otherwise the queue has no steady state).
 * @param servers c, an integer >= 1
 * @param offeredLoad a = λ/μ, in erlangs
 * @example erlangC(101, 100) // 0.8833…
 */
export function erlangC(servers: number, offeredLoad: number): number {
  const b = erlangB(servers, offeredLoad); // which checks both arguments
  if (!(offeredLoad < servers)) {
    throw new RangeError(`offeredLoad must be below servers = ${servers} for a steady state (got ${offeredLoad})`);
  }
  return erlangCFromB(servers, offeredLoad, b);
}
// #endregion erlang

// #region mmc
/**
 * The M/M/c queue: Poisson arrivals, exponential service times, c servers sharing one FIFO queue.
 * Wq = C(c, a)/(c·μ − λ), W = Wq + 1/μ, Lq = λ·Wq, L = λ·W, ρ = λ/(c·μ).
 * @example mmc(2000, 20, 101).timeInQueue // 0.044166… s
 */
export function mmc(arrivalRate: number, serviceRate: number, servers: number): MultiServerMetrics {
  const load = stableLoad(arrivalRate, serviceRate, servers);
  const probabilityOfWaiting = erlangC(servers, load);
  const timeInQueue = probabilityOfWaiting / (servers * serviceRate - arrivalRate);
  const timeInSystem = timeInQueue + 1 / serviceRate;
  return {
    utilization: load / servers,
    inSystem: arrivalRate * timeInSystem,
    inQueue: arrivalRate * timeInQueue,
    timeInSystem,
    timeInQueue,
    probabilityOfWaiting,
  };
}

/**
 * P(Wq > t) in an M/M/c queue: C(c, a)·e^{−(c·μ − λ)·t}. At t = 0 it is the probability of waiting.
 * @param threshold t, in seconds (>= 0)
 * @example probabilityWaitExceeds(2000, 20, 105, 0.02) // 0.0698…
 */
export function probabilityWaitExceeds(arrivalRate: number, serviceRate: number, servers: number, threshold: number): number {
  const load = stableLoad(arrivalRate, serviceRate, servers);
  nonNegative('threshold', threshold);
  return erlangC(servers, load) * Math.exp(-(servers * serviceRate - arrivalRate) * threshold);
}
// #endregion mmc

// #region fewest
/**
 * The fewest servers c for which an M/M/c queue is stable and P(Wq > threshold) <= maxProbability.
 * The search starts at the fewest stable pool, ⌊a⌋ + 1, and adds one server at a time, updating
 * Erlang B by one step of its recursion per server.
 * @param threshold t, in seconds (>= 0)
 * @param maxProbability the largest acceptable P(Wq > t), in (0, 1]
 * @example fewestServersForWait(2000, 20, 0.02, 0.05) // 106
 */
export function fewestServersForWait(arrivalRate: number, serviceRate: number, threshold: number, maxProbability: number): number {
  nonNegative('arrivalRate', arrivalRate);
  positive('serviceRate', serviceRate);
  nonNegative('threshold', threshold);
  if (!(maxProbability > 0 && maxProbability <= 1)) {
    throw new RangeError(`maxProbability must be in (0, 1] (got ${maxProbability})`);
  }
  const load = arrivalRate / serviceRate;
  let servers = Math.floor(load) + 1;
  let b = erlangB(servers, load);
  for (;;) {
    const p = erlangCFromB(servers, load, b) * Math.exp(-(servers * serviceRate - arrivalRate) * threshold);
    if (p <= maxProbability) return servers;
    // P(Wq > t) falls towards 0 as servers are added, so the loop ends.
    servers++;
    b = (load * b) / (servers + load * b);
  }
}
// #endregion fewest

// #region kingman
/**
 * Kingman's approximation of the mean wait in a G/G/1 queue:
 * Wq ≈ ρ/(1−ρ) · (cₐ² + cₛ²)/2 · E[S], with ρ = λ/μ < 1 and E[S] = 1/μ.
 * cₐ² and cₛ² are the squared coefficients of variation (variance / mean²) of the interarrival and
 * service times: 1 for exponential, 0 for constant. Exact for M/M/1, and for any service time when
 * arrivals are Poisson (cₐ² = 1, the Pollaczek–Khinchine formula).
 * @example kingmanWait(16, 20, 4, 1) // 0.5 s
 */
export function kingmanWait(arrivalRate: number, serviceRate: number, arrivalScv: number, serviceScv: number): number {
  const rho = stableLoad(arrivalRate, serviceRate, 1);
  nonNegative('arrivalScv', arrivalScv);
  nonNegative('serviceScv', serviceScv);
  return (rho / (1 - rho)) * ((arrivalScv + serviceScv) / 2) / serviceRate;
}
// #endregion kingman
