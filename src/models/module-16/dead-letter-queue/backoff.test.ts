import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, fullJitterDelayMs } from './backoff';
import { createRng } from '../../common/rng';

const policy = { baseMs: 100, capMs: 10_000 };

describe('backoffCeilingMs', () => {
  it('doubles from baseMs with each failure until it reaches capMs', () => {
    const ceilings = Array.from({ length: 9 }, (_, i) => backoffCeilingMs(i + 1, policy));
    expect(ceilings).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });

  it('stays at the cap for a failure count so large that 2^n overflows', () => {
    expect(backoffCeilingMs(5000, policy)).toBe(10_000);
  });

  it('rejects a failure count below 1 or fractional, and a policy with no room, naming the argument', () => {
    expect(() => backoffCeilingMs(0, policy)).toThrow(/failures/);
    expect(() => backoffCeilingMs(1.5, policy)).toThrow(/failures/);
    expect(() => backoffCeilingMs(1, { baseMs: 0, capMs: 100 })).toThrow(/baseMs/);
    expect(() => backoffCeilingMs(1, { baseMs: 100, capMs: 50 })).toThrow(/capMs/);
    expect(() => backoffCeilingMs(1, { baseMs: 100, capMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('fullJitterDelayMs', () => {
  it('draws from [0, ceiling) with mean ceiling / 2', () => {
    const rng = createRng(42);
    const n = 100_000;
    const ceiling = backoffCeilingMs(4, policy);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const delay = fullJitterDelayMs(4, policy, rng);
      if (!(delay >= 0 && delay < ceiling)) outside++;
      sum += delay;
    }
    expect(outside, 'draws outside [0, ceiling)').toBe(0);
    // Hoeffding: for n draws in [0, c], P(|mean − c/2| >= 0.012·c) <= 2·exp(−2·n·0.012²) = 2·exp(−28.8)
    // ≈ 6e-13, so a correct implementation fails this far less often than 1e-9 (and, seeded, never).
    expect(Math.abs(sum / n - ceiling / 2)).toBeLessThan(0.012 * ceiling);
  });

  it('gives the same delays for the same seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const draws = (rng: ReturnType<typeof createRng>) => [1, 2, 3].map((f) => fullJitterDelayMs(f, policy, rng));
    expect(draws(a)).toEqual(draws(b));
  });
});

describe("the lesson's worked examples", () => {
  it('base 1 s, cap 60 s, 8 attempts: 123 s of ceilings, 61.5 s expected, more than 30 s about 94 % of the time', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    const ceilings = Array.from({ length: 7 }, (_, i) => backoffCeilingMs(i + 1, policy));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000]);
    expect(ceilings.reduce((a, b) => a + b, 0) / 2).toBe(61_500);
    const rng = createRng(2026);
    const n = 100_000;
    let over = 0;
    for (let run = 0; run < n; run++) {
      let total = 0;
      for (let retry = 1; retry <= 7; retry++) total += fullJitterDelayMs(retry, policy, rng);
      if (total > 30_000) over++;
    }
    // The lesson says "about 94 %" (an independent simulation gave 0.937). Hoeffding: a sample share
    // of 100 000 runs is further than 0.011 from the true one with probability <= 2·exp(−2·n·0.011²)
    // ≈ 6e-11, so this fails only if the true share is outside roughly 92.6–94.8 %.
    expect(Math.abs(over / n - 0.937)).toBeLessThan(0.011);
  });
});

