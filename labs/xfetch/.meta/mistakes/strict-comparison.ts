// Classic mistake: > instead of >=, so with rand = 1 a value is not due at exactly now = expiry.
export * from '../solution';

export function shouldRecomputeEarly(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
  return now - delta * beta * Math.log(rand) > expiry;
}
