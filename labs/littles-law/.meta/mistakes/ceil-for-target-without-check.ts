// Subtle mistake: Math.ceil(a / target) trusts a floating-point division, so 21 / 0.7 = 30.000000000000004 gives 31.
import { serversForUtilization as reference } from '../solution';
export * from '../solution';

export function serversForUtilization(arrivalRate: number, serviceRate: number, target: number): number {
  reference(arrivalRate, serviceRate, target);
  return Math.max(1, Math.ceil(arrivalRate / serviceRate / target));
}
