// Classic mistake: the simulator records each customer's time in the queue (arrival to start of service) as its time in the system.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  const run = reference(options);
  return { ...run, timesInSystem: run.timesInQueue };
}
