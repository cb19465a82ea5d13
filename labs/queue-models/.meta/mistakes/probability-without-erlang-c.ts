// Classic mistake: P(Wq > t) = e^{−(cμ − λ)t}, the tail for those who wait, without the chance C(c, a) of waiting at all.
import { probabilityWaitExceeds as reference } from '../solution';
export * from '../solution';

export function probabilityWaitExceeds(arrivalRate: number, serviceRate: number, servers: number, threshold: number): number {
  reference(arrivalRate, serviceRate, servers, threshold);
  return Math.exp(-(servers * serviceRate - arrivalRate) * threshold);
}
