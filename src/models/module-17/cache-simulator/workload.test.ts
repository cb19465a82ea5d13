import { describe, expect, it } from 'vitest';
import { createRng } from '../../common/rng';
import { IndependentWorkload, zipfProbabilities, zipfWorkload } from './workload';

describe('zipfProbabilities', () => {
  it('sums to 1 and falls as 1/rank^exponent', () => {
    const p = zipfProbabilities(1000, 0.8);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]! / p[1]!).toBeCloseTo(2 ** 0.8, 12);
    expect(p[9]! / p[99]!).toBeCloseTo(10 ** 0.8, 10);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeLessThan(p[i - 1]!);
  });

  it('is uniform with exponent 0, and 1/(i·H_n) with exponent 1', () => {
    expect([...zipfProbabilities(4, 0)]).toEqual([0.25, 0.25, 0.25, 0.25]);
    const harmonic = 1 + 1 / 2 + 1 / 3;
    const p = zipfProbabilities(3, 1);
    expect(p[2]!).toBeCloseTo(1 / (3 * harmonic), 15);
  });

  it('names the argument it rejects', () => {
    expect(() => zipfProbabilities(0, 1)).toThrow(/keys/);
    expect(() => zipfProbabilities(2.5, 1)).toThrow(/keys/);
    expect(() => zipfProbabilities(10, -0.1)).toThrow(/exponent/);
    expect(() => zipfProbabilities(10, Number.NaN)).toThrow(/exponent/);
  });
});

describe('IndependentWorkload', () => {
  it('draws each key as often as its probability says', () => {
    const p = new Float64Array([0.5, 0.2, 0.15, 0.1, 0.05, 0]);
    const workload = new IndependentWorkload(p, createRng(3));
    const n = 400_000;
    const counts = new Array<number>(p.length).fill(0);
    for (let i = 0; i < n; i++) counts[workload.next()]!++;
    // Each count is binomial(n, p_i): 7 standard deviations is a false alarm with probability ~1e-12 each.
    p.forEach((pi, i) => expect(Math.abs(counts[i]! - n * pi)).toBeLessThanOrEqual(7 * Math.sqrt(n * pi * (1 - pi))));
    expect(counts[5]).toBe(0);
  });

  it('matches a Zipf law in the head and in the tail', () => {
    const p = zipfProbabilities(10_000, 1);
    const workload = zipfWorkload(10_000, 1, createRng(5));
    const n = 1_000_000;
    let first = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const key = workload.next();
      if (key === 0) first++;
      if (key >= 5000) tail++;
    }
    let pTail = 0;
    for (let i = 5000; i < p.length; i++) pTail += p[i]!;
    expect(Math.abs(first - n * p[0]!)).toBeLessThan(7 * Math.sqrt(n * p[0]!));
    expect(Math.abs(tail - n * pTail)).toBeLessThan(7 * Math.sqrt(n * pTail));
  });

  it('gives the same keys for the same seed', () => {
    const draw = (seed: number) => {
      const w = zipfWorkload(50, 0.9, createRng(seed));
      return Array.from({ length: 20 }, () => w.next());
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });

  it('refuses probabilities that are not a distribution', () => {
    expect(() => new IndependentWorkload(new Float64Array([0.5, 0.4]), createRng(1))).toThrow(/sum to 1/);
    expect(() => new IndependentWorkload(new Float64Array([1.5, -0.5]), createRng(1))).toThrow(/probabilities\[0\]/);
    expect(() => new IndependentWorkload(new Float64Array([]), createRng(1))).toThrow(/probabilities.length/);
  });
});
