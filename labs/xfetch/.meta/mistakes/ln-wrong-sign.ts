// Classic mistake: ln(rand) with the wrong sign. ln(rand) <= 0, so now + δβ·ln(rand) looks behind now
// instead of ahead, and a fresh value is never recomputed early.
import { VariantXFetch } from '../support/variant';
export * from '../solution';

export function shouldRecomputeEarly(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
  return now + delta * beta * Math.log(rand) >= expiry;
}

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override decide(now: number, expiry: number, delta: number, beta: number, rand: number): boolean {
    return shouldRecomputeEarly(now, expiry, delta, beta, rand);
  }
}
