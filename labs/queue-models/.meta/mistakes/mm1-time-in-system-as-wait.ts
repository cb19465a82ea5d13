// Classic mistake: 1/(μ − λ) as the M/M/1 wait in queue; that is the time in system, service included.
import { mm1 as reference } from '../solution';
import type { QueueMetrics } from '../solution';
export * from '../solution';

export function mm1(arrivalRate: number, serviceRate: number): QueueMetrics {
  const m = reference(arrivalRate, serviceRate);
  return { ...m, timeInQueue: m.timeInSystem, inQueue: m.inSystem };
}
