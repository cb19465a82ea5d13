// Classic mistake: no input checks, so an unstable queue gets a negative wait and bad rates turn into NaN or Infinity.
export * from '../solution';

export function mm1(arrivalRate: number, serviceRate: number) {
  const rho = arrivalRate / serviceRate;
  return {
    utilization: rho,
    inSystem: rho / (1 - rho),
    inQueue: (rho * rho) / (1 - rho),
    timeInSystem: 1 / (serviceRate - arrivalRate),
    timeInQueue: rho / (serviceRate - arrivalRate),
  };
}

export function kingmanWait(arrivalRate: number, serviceRate: number, arrivalScv: number, serviceScv: number): number {
  const rho = arrivalRate / serviceRate;
  return (rho / (1 - rho)) * ((arrivalScv + serviceScv) / 2) / serviceRate;
}
