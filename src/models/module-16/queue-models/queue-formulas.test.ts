import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, fewestServersForWait, kingmanWait, mm1, mmc, probabilityWaitExceeds } from './queue-formulas';

/**
 * Erlang C in exact rational arithmetic for whole-number loads: with N = aᶜ·c and
 * D = (c − a)·Σ_{k<c} aᵏ·c!/k! + N (the closed form multiplied through by c!·(c − a)), C = N/D.
 */
function exactErlangC(c: number, a: number): number {
  const C = BigInt(c);
  const A = BigInt(a);
  let sum = 0n;
  let fallingFactorial = 1n; // c!/k!, from k = c down
  for (let k = c; k >= 1; k--) {
    fallingFactorial *= BigInt(k);
    sum += A ** BigInt(k - 1) * fallingFactorial; // the term for k − 1
  }
  const numerator = A ** C * C;
  const denominator = (C - A) * sum + numerator;
  const scale = 10n ** 30n;
  return Number((numerator * scale) / denominator) / 1e30;
}

describe('erlangB', () => {
  it('matches small cases worked by hand', () => {
    expect(erlangB(1, 0.5)).toBeCloseTo(0.5 / 1.5, 15);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15); // (1/2) / (1 + 1 + 1/2)
    expect(erlangB(5, 0)).toBe(0);
  });
});

describe('erlangC', () => {
  it.each([
    [101, 100],
    [105, 100],
    [110, 100],
    [120, 100],
    [200, 180],
    [1000, 990],
    [2500, 2400],
  ])('C(%i, %i) agrees with exact rational arithmetic', (c, a) => {
    expect(Math.abs(erlangC(c, a) / exactErlangC(c, a) - 1)).toBeLessThan(1e-12);
  });

  it('reproduces docs/sources.md: 0.883315, 0.515707, 0.237008, 0.033196 for a = 100', () => {
    expect(erlangC(101, 100)).toBeCloseTo(0.883315, 6);
    expect(erlangC(105, 100)).toBeCloseTo(0.515707, 6);
    expect(erlangC(110, 100)).toBeCloseTo(0.237008, 6);
    expect(erlangC(120, 100)).toBeCloseTo(0.033196, 6);
  });

  it('is ρ for one server', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), (a) => Math.abs(erlangC(1, a) - a) < 1e-15), { seed: 1, numRuns: 200 });
  });

  it('names the argument it rejects', () => {
    expect(() => erlangC(100, 100)).toThrow(/offeredLoad/);
    expect(() => erlangC(0, 0)).toThrow(/servers/);
    expect(() => erlangC(2, Number.NaN)).toThrow(/offeredLoad/);
  });
});

describe('mm1 and mmc', () => {
  it('reproduces the M/M/1 figures of docs/sources.md for μ = 20/s', () => {
    const table = [
      [0.5, 100, 50],
      [0.7, 166.667, 116.667],
      [0.8, 250, 200],
      [0.9, 500, 450],
      [0.95, 1000, 950],
      [0.99, 5000, 4950],
    ];
    for (const [rho, w, wq] of table) {
      const m = mm1(rho! * 20, 20);
      expect(m.timeInSystem * 1000).toBeCloseTo(w!, 3);
      expect(m.timeInQueue * 1000).toBeCloseTo(wq!, 3);
    }
  });

  it('reproduces the M/M/c figures of docs/sources.md for λ = 2000/s, E[S] = 50 ms', () => {
    // [c, Wq in ms, P(Wq > 20 ms), the significant digits the table gives it]
    const table = [
      [101, 44.166, 0.5921, 4],
      [105, 5.157, 0.0698, 3],
      [110, 1.185, 0.00434, 3],
      [120, 0.083, 1.1e-5, 2],
    ];
    for (const [c, wqMs, tail, digits] of table) {
      const m = mmc(2000, 20, c!);
      expect(m.timeInQueue * 1000).toBeCloseTo(wqMs!, 3);
      expect(Number(probabilityWaitExceeds(2000, 20, c!, 0.02).toPrecision(digits))).toBe(tail);
    }
    // docs/sources.md (the article's error): the true L at c = 101 is 188.3.
    expect(mmc(2000, 20, 101).inSystem).toBeCloseTo(188.33, 2);
  });

  it('gives the same answer for one server as mm1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.1, max: 1000, noNaN: true }), (rho, mu) => {
        const a = mm1(rho * mu, mu);
        const b = mmc(rho * mu, mu, 1);
        return ['inSystem', 'inQueue', 'timeInSystem', 'timeInQueue', 'utilization'].every(
          (k) => Math.abs(a[k as keyof typeof a] / b[k as keyof typeof b] - 1) < 1e-12,
        );
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('rejects an unstable queue, naming arrivalRate', () => {
    expect(() => mm1(20, 20)).toThrow(RangeError);
    expect(() => mm1(20, 20)).toThrow(/arrivalRate/);
    expect(() => mmc(2000, 20, 100)).toThrow(/arrivalRate/);
    expect(() => mmc(10, 20, 2.5)).toThrow(/servers/);
  });
});

describe('fewestServersForWait', () => {
  it('finds 106 for P(Wq > 20 ms) <= 5% (docs/sources.md), at 4.04%', () => {
    expect(fewestServersForWait(2000, 20, 0.02, 0.05)).toBe(106);
    expect(probabilityWaitExceeds(2000, 20, 106, 0.02)).toBeCloseTo(0.0404, 4);
  });

  it('agrees with a search that calls probabilityWaitExceeds for each c', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 100 }), (mu, tenths, ms, percent) => {
        const lambda = (mu * tenths) / 10;
        let c = Math.floor(lambda / mu) + 1;
        while (probabilityWaitExceeds(lambda, mu, c, ms / 1000) > percent / 100) c++;
        return fewestServersForWait(lambda, mu, ms / 1000, percent / 100) === c;
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('rejects a probability outside (0, 1]', () => {
    expect(() => fewestServersForWait(10, 1, 0, 0)).toThrow(/maxProbability/);
    expect(() => fewestServersForWait(10, 1, 0, 1.01)).toThrow(/maxProbability/);
  });
});

describe('kingmanWait', () => {
  it('gives docs/sources.md’s 200 ms and 500 ms at ρ = 0.8, E[S] = 50 ms', () => {
    expect(kingmanWait(16, 20, 1, 1)).toBeCloseTo(0.2, 12);
    expect(kingmanWait(16, 20, 4, 1)).toBeCloseTo(0.5, 12);
  });

  it('equals the M/M/1 wait when both coefficients are 1', () => {
    expect(kingmanWait(7, 10, 1, 1)).toBeCloseTo(mm1(7, 10).timeInQueue, 12);
  });
});
