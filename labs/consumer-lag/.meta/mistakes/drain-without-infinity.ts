// Classic mistake: lag / (consumption − production) with no special case, which is negative when the backlog grows and NaN for 0 / 0.
import { timeToDrain as reference } from '../solution';
export * from '../solution';

export function timeToDrain(lag: number, productionRate: number, consumptionRate: number): number {
  reference(lag, productionRate, consumptionRate);
  return lag / (consumptionRate - productionRate);
}
