// Classic mistake: the waiting line is a stack (push and pop), so a freed server takes the newest arrival; the mean wait is unchanged, but who waits is not.
import type { SimulationOptions, SimulationResult } from '../solution';
import { simulateQueue as reference } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  // The reference checks the options; this copy differs from it only in the order it serves the line.
  reference({ ...options, interarrivalTime: () => 0, serviceTime: () => 0 });
  const { servers, customers, warmupCustomers = 0 } = options;
  const checked = (name: string, sampler: () => number) => (): number => {
    const t = sampler();
    if (!(t >= 0 && t < Infinity)) throw new RangeError(`${name} returned ${t}`);
    return t;
  };
  const interarrivalTime = checked('interarrivalTime', options.interarrivalTime);
  const serviceTime = checked('serviceTime', options.serviceTime);
  const total = warmupCustomers + customers;
  const timesInQueue = new Float64Array(customers);
  const timesInSystem = new Float64Array(customers);
  const departures: number[] = [];
  const line: { arrival: number; index: number }[] = [];
  let now = 0;
  let arrived = 0;
  let nextArrival = interarrivalTime();
  let windowStart = 0;
  let areaInSystem = 0;
  let areaInQueue = 0;
  let areaBusy = 0;
  const start = (arrival: number, index: number): void => {
    const service = serviceTime();
    departures.push(now + service);
    departures.sort((x, y) => x - y);
    if (index >= warmupCustomers) {
      timesInQueue[index - warmupCustomers] = now - arrival;
      timesInSystem[index - warmupCustomers] = now - arrival + service;
    }
  };
  while (arrived < total || departures.length > 0) {
    const nextDeparture = departures.length ? departures[0]! : Infinity;
    const t = Math.min(nextArrival, nextDeparture);
    if (arrived > warmupCustomers) {
      areaInSystem += (departures.length + line.length) * (t - now);
      areaInQueue += line.length * (t - now);
      areaBusy += departures.length * (t - now);
    }
    now = t;
    if (nextArrival <= nextDeparture) {
      if (arrived === warmupCustomers) windowStart = now;
      const index = arrived++;
      nextArrival = arrived < total ? now + interarrivalTime() : Infinity;
      if (departures.length < servers) start(now, index);
      else line.push({ arrival: now, index });
    } else {
      departures.shift();
      const next = line.pop();
      if (next) start(next.arrival, next.index);
    }
  }
  const duration = now - windowStart;
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
