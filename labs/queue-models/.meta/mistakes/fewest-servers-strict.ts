// Classic mistake: P(Wq > t) < target instead of <= target, so a pool that lands exactly on the target gets one server too many.
import { fewestServersForWait as reference, probabilityWaitExceeds } from '../solution';
export * from '../solution';

export function fewestServersForWait(arrivalRate: number, serviceRate: number, threshold: number, maxProbability: number): number {
  reference(arrivalRate, serviceRate, threshold, maxProbability);
  let c = Math.floor(arrivalRate / serviceRate) + 1;
  while (!(probabilityWaitExceeds(arrivalRate, serviceRate, c, threshold) < maxProbability)) c++;
  return c;
}
