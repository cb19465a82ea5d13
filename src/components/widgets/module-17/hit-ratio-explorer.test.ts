import { describe, expect, it } from 'vitest';
import { cheHitRatio, fifoHitRatio, topKeysHitRatio } from '../../../models/module-17/cache-simulator/analytic';
import { zipfProbabilities } from '../../../models/module-17/cache-simulator/workload';
import {
  DEFAULT_HIT_RATIO,
  formatPercent,
  formulaCurve,
  hitRatioView,
  pointCapacities,
  policyRows,
  simulatedPoints,
  warmupFor,
} from './hit-ratio-explorer';

describe('the hit-ratio explorer at its default settings', () => {
  const view = hitRatioView(DEFAULT_HIT_RATIO);

  it("shows LRU at Che's 37.8% for 1000 keys, α = 0.8 and a cache of 100, simulated and by formula", () => {
    const lru = view.rows.find((r) => r.kind === 'lru')!;
    expect(formatPercent(lru.formula!)).toBe('37.8%');
    expect(Math.abs(lru.simulated - lru.formula!)).toBeLessThan(0.005);
    expect(lru.filled).toBe(true);
  });

  it('has a row per policy, each simulated within 0.01 of its formula, and sampled LRU just under LRU', () => {
    const byKind = Object.fromEntries(view.rows.map((r) => [r.kind, r]));
    expect(Object.keys(byKind)).toEqual(['lru', 'lfu', 'fifo', 'random', 'sampled-lru']);
    for (const row of view.rows) if (row.formula !== undefined) expect(Math.abs(row.simulated - row.formula)).toBeLessThan(0.01);
    expect(byKind['lfu']!.simulated).toBeLessThanOrEqual(byKind['lfu']!.formula! + 0.003);
    expect(byKind['sampled-lru']!.formula).toBeUndefined();
    expect(byKind['sampled-lru']!.simulated).toBeLessThan(byKind['lru']!.simulated);
    expect(byKind['sampled-lru']!.simulated).toBeGreaterThan(byKind['random']!.simulated);
  });

  it("draws dots that follow Che's curve, within 0.01", () => {
    const p = zipfProbabilities(DEFAULT_HIT_RATIO.keys, DEFAULT_HIT_RATIO.exponent);
    expect(view.points).toHaveLength(9);
    for (const [share, h] of view.points) expect(Math.abs(h - cheHitRatio(p, Math.round(share * 1000)))).toBeLessThan(0.01);
  });

  it('gives the same numbers every time (seeded)', () => {
    expect(hitRatioView(DEFAULT_HIT_RATIO).rows).toEqual(view.rows);
  });
});

describe('formulaCurve', () => {
  const p = zipfProbabilities(2000, 0.9);

  it("goes from (0, 0) to (1, 1) and passes through Che's value at C = 200", () => {
    const curve = formulaCurve('lru', p)!;
    expect(curve[0]).toEqual([0, 0]);
    expect(curve.at(-1)).toEqual([1, 1]);
    // Interpolate at C/N = 0.1.
    const after = curve.findIndex(([x]) => x >= 0.1);
    const [x0, y0] = curve[after - 1]!;
    const [x1, y1] = curve[after]!;
    const y = y0 + ((0.1 - x0) * (y1 - y0)) / (x1 - x0);
    expect(Math.abs(y - cheHitRatio(p, 200))).toBeLessThan(0.005);
  });

  it('draws Martina et al. for FIFO and random, the top keys for LFU, and nothing for sampled LRU', () => {
    const fifo = formulaCurve('fifo', p)!;
    const near = fifo.reduce((best, point) => (Math.abs(point[0] - 0.1) < Math.abs(best[0] - 0.1) ? point : best));
    expect(Math.abs(near[1] - fifoHitRatio(p, Math.round(near[0] * 2000)))).toBeLessThan(0.01);
    expect(formulaCurve('random', p)).toEqual(fifo);
    const top = formulaCurve('lfu', p)!;
    expect(top.find(([x]) => x === 0.1)?.[1]).toBeCloseTo(topKeysHitRatio(p, 200), 12);
    expect(formulaCurve('sampled-lru', p)).toBeUndefined();
  });

  it('rises all the way', () => {
    for (const kind of ['lru', 'fifo', 'lfu'] as const) {
      const curve = formulaCurve(kind, zipfProbabilities(500, 1.2))!;
      for (let i = 1; i < curve.length; i++) {
        expect(curve[i]![0]).toBeGreaterThanOrEqual(curve[i - 1]![0]);
        expect(curve[i]![1]).toBeGreaterThanOrEqual(curve[i - 1]![1]);
      }
    }
  });
});

describe('the simulations behind the explorer', () => {
  it('puts dots at 1% to 90% of the keys, without repeats', () => {
    expect(pointCapacities(1000)).toEqual([10, 20, 50, 100, 200, 300, 500, 700, 900]);
    expect(pointCapacities(10)).toEqual([1, 2, 3, 5, 7, 9]);
  });

  it('warms up with three requests per key, from 50 000 to 300 000', () => {
    expect(warmupFor(1000)).toBe(50_000);
    expect(warmupFor(40_000)).toBe(120_000);
    expect(warmupFor(500_000)).toBe(300_000);
  });

  it('leaves off the dots of caches that had not filled, and marks such rows', () => {
    // 50 000 keys with α = 1.2: most of the key space is almost never requested, so big caches stay cold.
    const settings = { keys: 50_000, capacity: 45_000, exponent: 1.2, policy: 'fifo' as const, samples: 5 };
    const points = simulatedPoints(settings);
    expect(points.length).toBeLessThan(9);
    expect(points.every(([share]) => share < 0.9)).toBe(true);
    const rows = policyRows({ ...settings, keys: 2000, capacity: 1900, exponent: 2 });
    expect(rows.every((r) => !r.filled)).toBe(true);
  });

  it('agrees with the formulas for caches up to half of 50 000 keys, within 0.01', () => {
    const settings = { keys: 50_000, capacity: 25_000, exponent: 0.8, policy: 'lru' as const, samples: 5 };
    const p = zipfProbabilities(settings.keys, settings.exponent);
    const rows = policyRows(settings, p);
    expect(Math.abs(rows[0]!.simulated - cheHitRatio(p, 25_000))).toBeLessThan(0.01);
    expect(Math.abs(rows[2]!.simulated - fifoHitRatio(p, 25_000))).toBeLessThan(0.01);
  });
});

describe("the lesson's static tables", () => {
  it("reproduces the reference table of Che's approximation, and the simulator agrees within 0.003", async () => {
    const { cheReferenceRows } = await import('./hit-ratio-explorer');
    const rows = cheReferenceRows();
    expect(rows.map((r) => [Math.round(r.time * 10) / 10, Math.round(r.formula * 1000) / 1000])).toEqual([
      [72.2, 0.645],
      [133.9, 0.378],
      [2352.2, 0.676],
    ]);
    for (const r of rows) expect(Math.abs(r.simulated - r.formula)).toBeLessThan(0.003);
  });

  it('ranks sampled LRU between random eviction and exact LRU, rising with the samples', async () => {
    const { sampledLruRows } = await import('./hit-ratio-explorer');
    const rows = sampledLruRows();
    const [random, one, three, old, five, ten, max, lru] = rows.map((r) => r.simulated) as number[];
    expect(Math.abs(one! - random!)).toBeLessThan(0.003);
    expect(three!).toBeGreaterThan(one!);
    expect(five!).toBeGreaterThan(three!);
    expect(Math.abs(five! - old!)).toBeLessThan(0.005);
    expect(ten!).toBeGreaterThan(five!);
    expect(Math.abs(max! - lru!)).toBeLessThan(0.004);
  });

  it('sizes caches for 50–95% hit ratios over 100 000 keys, the most popular keys always needing fewer', async () => {
    const { sizingRows } = await import('./hit-ratio-explorer');
    const rows = sizingRows();
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.best).toBeLessThan(r.lru);
    const alpha1 = rows.filter((r) => r.exponent === 1).map((r) => r.lru);
    for (let i = 1; i < alpha1.length; i++) expect(alpha1[i]!).toBeGreaterThan(alpha1[i - 1]!);
  });
});
