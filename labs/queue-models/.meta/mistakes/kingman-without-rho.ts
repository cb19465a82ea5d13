// Classic mistake: 1/(1−ρ) in place of ρ/(1−ρ) in Kingman's formula, which turns the wait in queue into something near the time in system.
import { kingmanWait as reference } from '../solution';
export * from '../solution';

export function kingmanWait(arrivalRate: number, serviceRate: number, arrivalScv: number, serviceScv: number): number {
  reference(arrivalRate, serviceRate, arrivalScv, serviceScv);
  const rho = arrivalRate / serviceRate;
  return (1 / (1 - rho)) * ((arrivalScv + serviceScv) / 2) / serviceRate;
}
