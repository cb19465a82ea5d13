// Classic mistake: no input checks, so bad input turns into NaN or Infinity instead of a RangeError.
export * from '../solution';

export function littlesLaw(arrivalRate: number, timeInSystem: number): number {
  return arrivalRate * timeInSystem;
}

export function utilization(arrivalRate: number, serviceRate: number, servers = 1): number {
  return arrivalRate / (servers * serviceRate);
}
