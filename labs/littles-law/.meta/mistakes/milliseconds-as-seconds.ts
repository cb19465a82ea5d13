// Classic mistake: treating serviceTimeMs as seconds, so the plan is a thousand times too large.
import { minServersForStability, serversForUtilization, utilization } from '../solution';
import type { CapacityPlan, Workload } from '../solution';
export * from '../solution';

export function capacityPlan({ arrivalRate, serviceTimeMs, targetUtilization = 0.7 }: Workload): CapacityPlan {
  const serviceRate = 1 / serviceTimeMs;
  const recommendedServers = serversForUtilization(arrivalRate, serviceRate, targetUtilization);
  return {
    inService: arrivalRate * serviceTimeMs,
    minServers: minServersForStability(arrivalRate, serviceRate),
    recommendedServers,
    utilization: utilization(arrivalRate, serviceRate, recommendedServers),
  };
}
