import { describe, expect, it } from 'vitest';
import {
  curveUpTo,
  DEFAULT_HOCKEY_STICK,
  formatRatio,
  hockeyStickView,
  hyperbolaAndExponential,
  kingmanRatio,
  mm1Ratio,
  mmcRatio,
  poolingCurves,
  RATIO_MAX,
  simulatedRatio,
} from './hockey-stick';
import { kingmanWait, mm1, mmc } from '../../../models/module-16/queue-models/queue-formulas';

describe('ratios', () => {
  it('are the formulas divided by E[S]', () => {
    expect(mm1Ratio(0.8)).toBeCloseTo(mm1(16, 20).timeInSystem * 20, 12);
    expect(mmcRatio(101, 100 / 101)).toBeCloseTo(mmc(2000, 20, 101).timeInSystem * 20, 12);
    expect(kingmanRatio(0.8, 4, 1)).toBeCloseTo(1 + kingmanWait(16, 20, 4, 1) * 20, 12);
  });

  it('agree for one exponential server', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.99]) {
      expect(mmcRatio(1, rho)).toBeCloseTo(mm1Ratio(rho), 10);
      expect(kingmanRatio(rho, 1, 1)).toBeCloseTo(mm1Ratio(rho), 10);
    }
  });
});

describe('curveUpTo', () => {
  it('rises from ρ = 0 and ends where the curve crosses the top of the chart', () => {
    const points = curveUpTo(mm1Ratio);
    expect(points[0]).toEqual([0, 1]);
    const [rho, y] = points[points.length - 1]!;
    expect(y).toBeCloseTo(RATIO_MAX, 6);
    expect(rho).toBeCloseTo(0.95, 6); // 1/(1 − ρ) = 20
    expect(points.every(([, v]) => v <= RATIO_MAX)).toBe(true);
  });

  it('follows a large pool that turns up only in the last half percent', () => {
    const [rho, y] = curveUpTo((r) => mmcRatio(100, r)).at(-1)!;
    expect(rho).toBeGreaterThan(0.995);
    expect(y).toBeCloseTo(RATIO_MAX, 6);
  });

  it('stops short of 1 for a curve that never reaches the top (no variability at all)', () => {
    const points = curveUpTo((r) => kingmanRatio(r, 0, 0));
    expect(points.every(([, v]) => v === 1)).toBe(true);
    expect(points.at(-1)![0]).toBeLessThan(1);
  });
});

describe('simulatedRatio', () => {
  it('is reproducible and near the formula for M/M/1', () => {
    const a = simulatedRatio(1, 0.5, 1, 1, 20_000, 7);
    expect(simulatedRatio(1, 0.5, 1, 1, 20_000, 7)).toBe(a);
    // 20 000 customers at ρ = 0.5: the mean of W has a standard error of about 0.04 service times, so
    // 0.4 is ten standard errors; a false failure has probability below 1e-20 (normal approximation).
    expect(Math.abs(a - 2)).toBeLessThan(0.4);
  });
});

describe('hockeyStickView', () => {
  it('reads every model at the chosen utilization', () => {
    const view = hockeyStickView(DEFAULT_HOCKEY_STICK);
    const byKey = Object.fromEntries(view.rows.map((r) => [r.key, r.ratio]));
    expect(byKey.mm1).toBeCloseTo(5, 12);
    expect(byKey.mmc).toBeCloseTo(mmcRatio(10, 0.8), 12);
    expect(byKey.kingman).toBeCloseTo(11, 12);
    expect(view.simulated.mmc).toHaveLength(5);
    expect(Number.isFinite(byKey.simulatedMmc) && Number.isFinite(byKey.simulatedKingman)).toBe(true);
  });
});

describe('formatRatio', () => {
  it('prints three significant figures, and whole numbers from 100', () => {
    expect(formatRatio(5)).toBe('5.00');
    expect(formatRatio(1.2345)).toBe('1.23');
    expect(formatRatio(11)).toBe('11.0');
    expect(formatRatio(99.99)).toBe('100');
    expect(formatRatio(1585.2)).toBe('1585');
  });
});

describe('static lesson series', () => {
  it('the exponential 4^ρ meets the hyperbola at 0 and 0.5 and stops at 4', () => {
    const { exponential } = hyperbolaAndExponential();
    expect(exponential[0]).toEqual([0, 1]);
    expect(exponential[50]![1]).toBeCloseTo(2, 12);
    expect(exponential[100]).toEqual([1, 4]);
  });

  it('pooling curves come in the order asked', () => {
    expect(poolingCurves([1, 10, 100]).map((p) => p.servers)).toEqual([1, 10, 100]);
  });
});
