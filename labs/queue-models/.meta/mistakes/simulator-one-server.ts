// Classic mistake: the simulator serves one customer at a time whatever the number of servers.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  const run = reference({ ...options, servers: 1 });
  return { ...run, utilization: run.utilization / options.servers };
}
