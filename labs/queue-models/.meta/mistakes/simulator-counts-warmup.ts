// Classic mistake: the warm-up customers are simulated but measured too, so the start-up transient stays in the results.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  return reference({ ...options, customers: options.customers + (options.warmupCustomers ?? 0), warmupCustomers: 0 });
}
