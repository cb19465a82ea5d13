// Classic mistake (the source article's integer bug): start the search at ⌈λ/μ⌉, which is ρ = 1 when λ/μ is whole; there Erlang C from Erlang B is 1, so a target of 100% accepts an unstable pool.
import { fewestServersForWait as reference } from '../solution';
export * from '../solution';

export function fewestServersForWait(arrivalRate: number, serviceRate: number, threshold: number, maxProbability: number): number {
  reference(arrivalRate, serviceRate, threshold, maxProbability);
  const a = arrivalRate / serviceRate;
  for (let c = Math.max(1, Math.ceil(a)); ; c++) {
    let b = 1;
    for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
    const p = ((c * b) / (c - a * (1 - b))) * Math.exp(-(c * serviceRate - arrivalRate) * threshold);
    if (p <= maxProbability) return c;
  }
}
