// Classic mistake: the simulator records each customer's time in the system (arrival to departure) as its time in the queue.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  const run = reference(options);
  return { ...run, timesInQueue: run.timesInSystem };
}
