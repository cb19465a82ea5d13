// Classic mistake (the source article's): ρ = λ/μ for a pool of c servers, which is the offered load, not the utilization.
import { mmc as reference } from '../solution';
import type { MultiServerMetrics } from '../solution';
export * from '../solution';

export function mmc(arrivalRate: number, serviceRate: number, servers: number): MultiServerMetrics {
  return { ...reference(arrivalRate, serviceRate, servers), utilization: arrivalRate / serviceRate };
}
