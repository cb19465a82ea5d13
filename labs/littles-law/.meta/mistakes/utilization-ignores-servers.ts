// Classic mistake: ρ = λ/μ whatever the number of servers (true only for one server).
import { utilization as reference } from '../solution';
export * from '../solution';

export function utilization(arrivalRate: number, serviceRate: number, servers = 1): number {
  reference(arrivalRate, serviceRate, servers);
  return arrivalRate / serviceRate;
}
