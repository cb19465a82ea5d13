import { describe, expect, it } from 'vitest';
import { createRng, exponential } from './rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in [0, 1) and has a mean near 1/2', () => {
    const rng = createRng(1);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    // The sample mean has standard deviation sqrt(1/12/n) ≈ 0.00091; 7 of those bound a false failure
    // below 1e-11 (the seed is fixed, so in practice this either always passes or never does).
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(7 * Math.sqrt(1 / 12 / n));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});

describe('exponential', () => {
  it('has the requested mean', () => {
    const rng = createRng(3);
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += exponential(rng, 2);
    // Standard error of the mean: 2/sqrt(n) ≈ 0.0063; 7 standard errors bound a false failure below 1e-11.
    expect(Math.abs(sum / n - 2)).toBeLessThan(7 * (2 / Math.sqrt(n)));
  });
});
