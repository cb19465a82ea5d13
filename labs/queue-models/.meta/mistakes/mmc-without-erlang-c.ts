// Classic mistake: the M/M/c wait without the Erlang C factor, Wq = 1/(cμ − λ), as if every arrival waited.
import { mmc as reference } from '../solution';
import type { MultiServerMetrics } from '../solution';
export * from '../solution';

export function mmc(arrivalRate: number, serviceRate: number, servers: number): MultiServerMetrics {
  const m = reference(arrivalRate, serviceRate, servers);
  const timeInQueue = 1 / (servers * serviceRate - arrivalRate);
  const timeInSystem = timeInQueue + 1 / serviceRate;
  return { ...m, timeInQueue, timeInSystem, inQueue: arrivalRate * timeInQueue, inSystem: arrivalRate * timeInSystem };
}
