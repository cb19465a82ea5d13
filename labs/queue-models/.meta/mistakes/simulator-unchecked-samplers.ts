// Classic mistake: the simulator never checks what its samplers return; here a negative, NaN or infinite time quietly becomes 0 instead of an error.
import { simulateQueue as reference } from '../solution';
import type { SimulationOptions, SimulationResult } from '../solution';
export * from '../solution';

export function simulateQueue(options: SimulationOptions): SimulationResult {
  const clamp = (sampler: () => number) => () => {
    const t = sampler();
    return t >= 0 && t < Infinity ? t : 0;
  };
  return reference({ ...options, interarrivalTime: clamp(options.interarrivalTime), serviceTime: clamp(options.serviceTime) });
}
