import { describe, expect, it } from 'vitest';
import {
  deterministicSampler,
  erlangSampler,
  exponentialSampler,
  fittedSampler,
  hyperexponentialSampler,
  type Sampler,
} from './distributions';
import { createRng } from './rng';

/** Sample mean and second moment of n draws, with the standard error of each (iid draws, so the CLT applies). */
function moments(sampler: Sampler, n: number) {
  let s1 = 0;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const x = sampler();
    s1 += x;
    s2 += x * x;
    s4 += x ** 4;
  }
  const m1 = s1 / n;
  const m2 = s2 / n;
  return { m1, m2, se1: Math.sqrt((m2 - m1 * m1) / n), se2: Math.sqrt((s4 / n - m2 * m2) / n) };
}

/**
 * Mean and scv within 7 standard errors of the target (a false failure below 1e-11 per check for a
 * normal estimate; the seeds are fixed, so in practice each check always passes or never does).
 */
function expectMoments(sampler: Sampler, mean: number, scv: number): void {
  const m = moments(sampler, 200_000);
  expect(Math.abs(m.m1 - mean)).toBeLessThan(7 * m.se1);
  // E[X²] = mean²·(1 + scv).
  expect(Math.abs(m.m2 - mean * mean * (1 + scv))).toBeLessThan(7 * m.se2);
}

describe('samplers', () => {
  it('exponential: mean m, scv 1', () => expectMoments(exponentialSampler(createRng(1), 0.05), 0.05, 1));
  it('Erlang-4: mean m, scv 1/4', () => expectMoments(erlangSampler(createRng(2), 0.05, 4), 0.05, 0.25));
  it('hyperexponential: mean m and the scv asked for', () => {
    expectMoments(hyperexponentialSampler(createRng(3), 0.05, 4), 0.05, 4);
    expectMoments(hyperexponentialSampler(createRng(4), 2, 1.5), 2, 1.5);
  });
  it('fitted: constant, mixed Erlang, exponential and hyperexponential match mean and scv', () => {
    expect(fittedSampler(createRng(5), 0.05, 0)()).toBe(0.05);
    for (const [seed, scv] of [
      [6, 0.3],
      [7, 0.5],
      [8, 0.7],
      [9, 1],
      [10, 2],
      [11, 0.05],
    ] as const) {
      expectMoments(fittedSampler(createRng(seed), 0.05, scv), 0.05, scv);
    }
  });
  it('deterministic: always the value', () => {
    const s = deterministicSampler(0.25);
    expect([s(), s(), s()]).toEqual([0.25, 0.25, 0.25]);
  });
  it('are reproducible from the seed', () => {
    const a = fittedSampler(createRng(12), 1, 3);
    const b = fittedSampler(createRng(12), 1, 3);
    expect(Array.from({ length: 10 }, a)).toEqual(Array.from({ length: 10 }, b));
  });
  it('reject bad parameters, naming them', () => {
    expect(() => exponentialSampler(createRng(1), 0)).toThrow(/mean/);
    expect(() => erlangSampler(createRng(1), 1, 0)).toThrow(/phases/);
    expect(() => hyperexponentialSampler(createRng(1), 1, 0.5)).toThrow(/scv/);
    expect(() => fittedSampler(createRng(1), 1, -1)).toThrow(/scv/);
    expect(() => fittedSampler(createRng(1), 1, 0.001)).toThrow(/scv/);
    expect(() => deterministicSampler(Number.NaN)).toThrow(/value/);
  });
});
