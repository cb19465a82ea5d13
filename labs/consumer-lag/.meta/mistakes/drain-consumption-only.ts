// Classic mistake: lag / consumptionRate, as if production stopped while the group catches up.
import { timeToDrain as reference } from '../solution';
export * from '../solution';

export function timeToDrain(lag: number, productionRate: number, consumptionRate: number): number {
  reference(lag, productionRate, consumptionRate);
  return consumptionRate === 0 ? (lag === 0 ? 0 : Number.POSITIVE_INFINITY) : lag / consumptionRate;
}
