import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, fullJitterDelayMs } from './backoff';
import { createRng } from './rng';

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
    for (let i = 0; i < n; i++) {
      const delay = fullJitterDelayMs(4, policy, rng);
      expect(delay >= 0 && delay < ceiling).toBe(true);
      sum += delay;
    }
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
