/**
 * A discrete-event simulator of a FIFO queue with c identical servers and any interarrival and service
 * time distributions (a G/G/c queue). It moves from event to event — an arrival or a departure, whichever
 * comes first — and measures what the formulas in queue-formulas.ts predict: each customer's time in the
 * queue and in the system, and the time-average numbers in the system, in the queue and in service.
 *
 * Randomness comes only from the two samplers it is given (see distributions.ts), so a run with seeded
 * samplers is reproducible. This module is the reference solution of the `queue-models` lab's simulator
 * and runs in the lesson's hockey-stick explorer.
 */
import type { Sampler } from '../../common/distributions';
import { integerAtLeast } from '../../common/guards';

/** Draws one time, in seconds: a finite number >= 0. See distributions.ts for samplers built on a seeded Rng. */
export type { Sampler };

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
  /**
   * How many customers arrive before measuring starts (an integer >= 0): they load the queue so that the
   * measurements are not biased by the empty start.
   * @default 0
   */
  warmupCustomers?: number;
}

/**
 * What a run measured. The time averages are taken over a window that runs from the arrival of the
 * first measured customer until the last customer leaves (no one arrives after the last measured
 * customer). A window of length 0 has averages of 0 (and a throughput of Infinity).
 */
export interface SimulationResult {
  /** Each measured customer's time in the queue, from arrival to start of service, in order of arrival. */
  timesInQueue: Float64Array;
  /** Each measured customer's time in the system, from arrival to departure, in order of arrival. */
  timesInSystem: Float64Array;
  /** The length of the measurement window, in seconds. */
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

/** A min-heap of the departure times of the customers in service. */
class DepartureHeap {
  readonly #times: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.#times = new Float64Array(capacity);
  }

  /** The earliest departure time; Infinity when no one is in service. */
  peek(): number {
    return this.size > 0 ? this.#times[0]! : Number.POSITIVE_INFINITY;
  }

  push(time: number): void {
    const a = this.#times;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= time) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = time;
  }

  pop(): void {
    const a = this.#times;
    const last = a[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && a[child + 1]! < a[child]!) child++;
      if (a[child]! >= last) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
  }
}

/** The arrival times of the customers waiting, first come first served, in a ring buffer that grows. */
class WaitingLine {
  #times = new Float64Array(64);
  #head = 0;
  size = 0;

  push(time: number): void {
    if (this.size === this.#times.length) {
      const grown = new Float64Array(this.#times.length * 2);
      for (let i = 0; i < this.size; i++) grown[i] = this.#times[(this.#head + i) % this.#times.length]!;
      this.#times = grown;
      this.#head = 0;
    }
    this.#times[(this.#head + this.size) % this.#times.length] = time;
    this.size++;
  }

  shift(): number {
    const time = this.#times[this.#head]!;
    this.#head = (this.#head + 1) % this.#times.length;
    this.size--;
    return time;
  }
}

/** Calls a sampler and checks that the time it drew is usable. */
function draw(name: string, sampler: Sampler): number {
  const time = sampler();
  if (!(time >= 0 && time < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`${name} returned ${time}, but a time must be a finite number >= 0`);
  }
  return time;
}

/**
 * Simulates a FIFO queue with c servers: an arriving customer starts service at once if a server is
 * free and otherwise joins the end of the line; a server that finishes takes the customer at the head
 * of the line. Runs until warmupCustomers + customers have arrived and the last of them has left.
 * @example
 * const rng = createRng(1);
 * simulateQueue({ servers: 1, customers: 100_000, warmupCustomers: 1000,
 *   interarrivalTime: exponentialSampler(rng, 1 / 16), serviceTime: exponentialSampler(rng, 1 / 20) });
 */
export function simulateQueue(options: SimulationOptions): SimulationResult {
  const { servers, interarrivalTime, serviceTime, customers, warmupCustomers = 0 } = options;
  integerAtLeast('servers', servers, 1);
  integerAtLeast('customers', customers, 1);
  integerAtLeast('warmupCustomers', warmupCustomers, 0);

  const total = warmupCustomers + customers;
  const timesInQueue = new Float64Array(customers);
  const timesInSystem = new Float64Array(customers);
  const inService = new DepartureHeap(servers);
  const line = new WaitingLine();

  // #region event-loop
  let now = 0;
  let arrived = 0; // customers that have arrived so far
  let started = 0; // customers that have started service (in arrival order, since the line is FIFO)
  let nextArrival = draw('interarrivalTime', interarrivalTime);
  let windowStart = Number.NaN;
  let areaInSystem = 0; // ∫ N(t) dt over the window, and the same for the line and the busy servers
  let areaInQueue = 0;
  let areaBusy = 0;

  /** Starts the next customer in arrival order on a free server; it arrived at `arrival`. */
  const startService = (arrival: number): void => {
    const service = draw('serviceTime', serviceTime);
    inService.push(now + service);
    const measured = started - warmupCustomers;
    if (measured >= 0) {
      timesInQueue[measured] = now - arrival;
      timesInSystem[measured] = now - arrival + service;
    }
    started++;
  };

  while (arrived < total || inService.size > 0) {
    const nextDeparture = inService.peek();
    const t = Math.min(nextArrival, nextDeparture);
    if (arrived > warmupCustomers) {
      // The window has started. Between events the counts stay constant, so each area grows by a rectangle.
      const dt = t - now;
      areaInSystem += (inService.size + line.size) * dt;
      areaInQueue += line.size * dt;
      areaBusy += inService.size * dt;
    }
    now = t;
    if (nextArrival <= nextDeparture) {
      if (arrived === warmupCustomers) windowStart = now;
      arrived++;
      nextArrival = arrived < total ? now + draw('interarrivalTime', interarrivalTime) : Number.POSITIVE_INFINITY;
      if (inService.size < servers) startService(now);
      else line.push(now);
    } else {
      inService.pop();
      if (line.size > 0) startService(line.shift());
    }
  }
  // #endregion event-loop

  const duration = now - windowStart;
  // A window of length 0 (every measured customer came and went at one instant) has nothing to average.
  const average = (area: number): number => (duration > 0 ? area / duration : 0);
  return {
    timesInQueue,
    timesInSystem,
    duration,
    averageInSystem: average(areaInSystem),
    averageInQueue: average(areaInQueue),
    utilization: average(areaBusy) / servers,
    throughput: customers / duration,
  };
}

