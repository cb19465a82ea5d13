// Classic mistake (the source article's): Math.ceil(λ/μ) servers, which is exactly ρ = 1 when λ/μ is whole.
export * from '../solution';

export function minServersForStability(arrivalRate: number, serviceRate: number): number {
  return Math.max(1, Math.ceil(arrivalRate / serviceRate));
}
