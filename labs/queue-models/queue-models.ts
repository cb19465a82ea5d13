/**
 * Lab: queueing models and a simulator to check them.
 *
 * Fill in each function below, then run `npm run grade queue-models` to see your score.
 * Units: rates are per second and times are in seconds. λ = arrivalRate, μ = serviceRate (of one
 * server), c = servers, a = λ/μ (the offered load), ρ = λ/(c·μ) (the utilization).
 *
 * Bad input must throw a RangeError whose message names the argument, for example
 * `new RangeError('arrivalRate must be >= 0 (got -1)')`: a negative, NaN or infinite number, a zero
 * service rate, a server count that is not a positive integer — and a queue that cannot keep up
 * (λ >= c·μ), which has no steady state: name `arrivalRate` for that one (`offeredLoad` in erlangC).
 *
 * Labs are checked as strict TypeScript with `noUncheckedIndexedAccess`: `items[i]` has the type
 * `T | undefined` until you check it. The grader shows type errors as warnings beside your score;
 * fix them as your editor shows them.
 */

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

/** QueueMetrics of a pool of servers, with the probability that an arrival has to wait. */
export interface MultiServerMetrics extends QueueMetrics {
  /** C(c, a), Erlang's C formula: the share of arrivals that find every server busy. */
  probabilityOfWaiting: number;
}

/**
 * The M/M/1 queue (Poisson arrivals, exponential service times, one server), for λ < μ.
 */
export function mm1(arrivalRate: number, serviceRate: number): QueueMetrics {
  // TODO: ρ = λ/μ; L = ρ/(1−ρ); Lq = ρ²/(1−ρ); W = 1/(μ−λ); Wq = ρ/(μ−λ).
  throw new Error('not implemented: mm1');
}

/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue finds all c servers busy.
 * Must work for thousands of servers, for a < c.
 * @param servers c, an integer >= 1
 * @param offeredLoad a = λ/μ (>= 0, < c)
 */
export function erlangC(servers: number, offeredLoad: number): number {
  // TODO: aᶜ and c! overflow a double for c in the hundreds; the lesson shows a recursion that does not.
  throw new Error('not implemented: erlangC');
}

/**
 * The M/M/c queue: Poisson arrivals, exponential service times, c servers sharing one FIFO queue,
 * for λ < c·μ.
 */
export function mmc(arrivalRate: number, serviceRate: number, servers: number): MultiServerMetrics {
  // TODO
  throw new Error('not implemented: mmc');
}

/**
 * P(Wq > threshold) in an M/M/c queue: the probability that an arrival waits longer than `threshold`
 * seconds (>= 0) before its service starts.
 */
export function probabilityWaitExceeds(arrivalRate: number, serviceRate: number, servers: number, threshold: number): number {
  // TODO
  throw new Error('not implemented: probabilityWaitExceeds');
}

/**
 * The fewest servers c for which an M/M/c queue is stable and P(Wq > threshold) <= maxProbability.
 * @param threshold in seconds, >= 0
 * @param maxProbability the largest acceptable probability, in (0, 1]
 */
export function fewestServersForWait(arrivalRate: number, serviceRate: number, threshold: number, maxProbability: number): number {
  // TODO
  throw new Error('not implemented: fewestServersForWait');
}

/**
 * Kingman's approximation of the mean wait Wq of a G/G/1 queue, in seconds, for λ < μ.
 * @param arrivalScv cₐ², the squared coefficient of variation of the interarrival times (>= 0)
 * @param serviceScv cₛ², the same for the service times (>= 0)
 */
export function kingmanWait(arrivalRate: number, serviceRate: number, arrivalScv: number, serviceScv: number): number {
  // TODO
  throw new Error('not implemented: kingmanWait');
}

/** Draws one time, in seconds. The tests pass samplers built on a seeded random number generator. */
export type Sampler = () => number;

/** What to simulate. Times are in seconds. */
export interface SimulationOptions {
  /** c, the number of servers: an integer >= 1. */
  servers: number;
  /**
   * Draws the time from one arrival to the next, once per customer in order of arrival; the first
   * customer arrives this long after time 0, when the system is empty.
   */
  interarrivalTime: Sampler;
  /** Draws a customer's service time, once per customer in order of arrival. */
  serviceTime: Sampler;
  /** How many customers to measure: an integer >= 1. */
  customers: number;
  /** How many customers arrive before measuring starts: an integer >= 0; 0 when left out. */
  warmupCustomers?: number;
}

/**
 * What a run measured. The time averages are taken over a window that runs from the arrival of the
 * first measured customer until the last customer leaves (no one arrives after the last measured
 * customer). A window of length 0 has averages of 0.
 */
export interface SimulationResult {
  /** Each measured customer's time in the queue, from arrival to start of service, in order of arrival. */
  timesInQueue: ArrayLike<number>;
  /** Each measured customer's time in the system, from arrival to departure, in order of arrival. */
  timesInSystem: ArrayLike<number>;
  /** The length of the window, in seconds. */
  duration: number;
  /** Time-average number of customers in the system (waiting or in service) over the window. */
  averageInSystem: number;
  /** Time-average number of customers waiting over the window. */
  averageInQueue: number;
  /** Time-average fraction of the servers that are busy over the window. */
  utilization: number;
  /** Measured customers per second: customers / duration. */
  throughput: number;
}

/**
 * Simulates a FIFO queue with c servers, event by event: an arriving customer starts service at once
 * if a server is free and otherwise joins the end of the line; a server that finishes takes the
 * customer at the head of the line. Runs until warmupCustomers + customers have arrived and the last
 * of them has left. A sampler that returns a negative, NaN or infinite time is bad input: throw a
 * RangeError naming it (`interarrivalTime` or `serviceTime`).
 */
export function simulateQueue(options: SimulationOptions): SimulationResult {
  // TODO: keep the departure times of the customers in service and the arrival times of those waiting;
  // at each step, handle whichever comes first, the next arrival or the next departure.
  throw new Error('not implemented: simulateQueue');
}
