import { describe, expect, it } from 'vitest';
import {
  compareStrategies,
  DEFAULT_STAMPEDE,
  loadSeries,
  simulatedSeconds,
  simulateStampede,
  STAMPEDE_STRATEGIES,
  workload,
  type StampedeSettings,
} from './simulator';

const base: StampedeSettings = DEFAULT_STAMPEDE;

describe('workload', () => {
  it('is the same for the same seed, and Poisson at the requested rate', () => {
    const a = workload(base, 100, 7);
    const b = workload(base, 100, 7);
    expect([...a.arrivals]).toEqual([...b.arrivals]);
    expect([...a.clients]).toEqual([...b.clients]);
    // 20 000 expected; a Poisson count strays more than 7 standard deviations with probability < 1e-11.
    expect(Math.abs(a.arrivals.length - 20_000)).toBeLessThan(7 * Math.sqrt(20_000));
    expect(Math.max(...a.clients)).toBe(base.clients - 1);
  });
});

describe('simulateStampede', () => {
  it('runs 3·(TTL + δ) seconds and is repeatable', () => {
    const run = simulateStampede(base);
    expect(run.seconds).toBe(simulatedSeconds(base));
    expect(simulateStampede(base)).toEqual(run);
  });

  it('shows a herd of about λ·δ queries without protection', () => {
    const run = simulateStampede(base);
    // λδ = 100 readers arrive during each 0.5 s query; three expiries fall in the 31.5 s simulated.
    expect(run.peakLoads).toBeGreaterThan(70);
    expect(run.peakLoads).toBeLessThan(140);
    expect(run.loads).toBeGreaterThan(150);
  });

  it('keeps one query in flight under a mutex, stale-while-revalidate and leases, and nobody waits under SWR', () => {
    for (const strategy of ['mutex', 'stale-while-revalidate', 'leases'] as const) {
      const run = simulateStampede({ ...base, strategy });
      expect(run.peakLoads, strategy).toBe(1);
      expect(run.loads, strategy).toBe(3);
    }
    expect(simulateStampede({ ...base, strategy: 'stale-while-revalidate' }).waited).toBe(0);
  });

  it('keeps at most one query per server in flight under single-flight', () => {
    const run = simulateStampede({ ...base, strategy: 'single-flight' });
    expect(run.peakLoads).toBeLessThanOrEqual(base.clients);
    expect(run.peakLoads).toBeGreaterThan(1);
  });

  it('lets a new lease through every 10 s when the query takes longer than the lease interval', () => {
    const run = simulateStampede({ ...base, ttl: 30, recomputeTime: 25, requestRate: 20, strategy: 'leases' });
    expect(run.peakLoads).toBe(3);
    expect(simulateStampede({ ...base, ttl: 30, recomputeTime: 25, requestRate: 20, strategy: 'mutex' }).peakLoads).toBe(1);
  });

  it("loads the database more with the article's variant than with no protection at all, and XFetch far less", () => {
    const [none, , , xfetch, article] = compareStrategies(base);
    expect(article!.loads).toBeGreaterThan(5 * none!.loads);
    expect(xfetch!.loads).toBeLessThan(none!.loads / 5);
    expect(xfetch!.peakLoads).toBeLessThan(none!.peakLoads / 5);
  });

  it('compares every strategy on the same requests', () => {
    const runs = compareStrategies(base);
    expect(runs.map((r) => r.settings.strategy)).toEqual(STAMPEDE_STRATEGIES.map((s) => s.id));
    expect(new Set(runs.map((r) => r.requests)).size).toBe(1);
  });
});

describe('loadSeries', () => {
  it('gives the most queries in flight in each bin, as a brute-force count does', () => {
    const starts = [0.1, 0.15, 0.2, 1, 1.05, 3.3, 3.3, 3.31];
    const loadTime = 0.5;
    const series = loadSeries(starts, loadTime, 4, 40);
    for (const [begin, most] of series) {
      // Brute force: the level just after each event inside the bin, and at its start.
      const times = [begin, ...starts.filter((s) => s >= begin && s < begin + 0.1)];
      const level = (t: number) => starts.filter((s) => s <= t && t < s + loadTime).length;
      expect(most, `bin at ${begin}`).toBe(Math.max(...times.map(level)));
    }
  });
});
