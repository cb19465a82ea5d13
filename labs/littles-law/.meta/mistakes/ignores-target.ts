// Classic mistake: always planning for 70%, whatever target the workload names.
import { capacityPlan as reference } from '../solution';
import type { CapacityPlan, Workload } from '../solution';
export * from '../solution';

export function capacityPlan(workload: Workload): CapacityPlan {
  return reference({ arrivalRate: workload.arrivalRate, serviceTimeMs: workload.serviceTimeMs });
}
