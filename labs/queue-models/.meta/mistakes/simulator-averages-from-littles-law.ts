// Classic mistake: the "time averages" are computed from Little's Law (throughput × mean time) instead of measured over time, so the Little's Law check can only agree with itself and the warm-up window is wrong.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

const mean = (values: ArrayLike<number>): number => Array.from(values).reduce((s, x) => s + x, 0) / values.length;

export function simulateQueue(options: SimulationOptions): SimulationResult {
  const run = reference(options);
  return {
    ...run,
    averageInSystem: run.throughput * mean(run.timesInSystem),
    averageInQueue: run.throughput * mean(run.timesInQueue),
  };
}
