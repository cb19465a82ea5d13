import { describe, expect, it } from 'vitest';
import { CDN_SCENARIO, DEFAULT_CDN_SETTINGS, hitRatio, simulateCdn, zipfCumulative, type CdnSimulationSettings } from './cdn-simulation';

const run = (changes: Partial<CdnSimulationSettings> = {}) => simulateCdn({ ...DEFAULT_CDN_SETTINGS, ...changes });

describe('zipfCumulative', () => {
  it('is uniform for α = 0 and ends at 1', () => {
    const c = zipfCumulative(4, 0);
    expect([...c]).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('gives asset 0 the share 1/H(n, α)', () => {
    const c = zipfCumulative(3, 1);
    expect(c[0]).toBeCloseTo(1 / (1 + 1 / 2 + 1 / 3), 12);
    expect(c[2]).toBe(1);
  });
});

describe('simulateCdn', () => {
  it('is deterministic: the same settings give the same run', () => {
    expect(run()).toEqual(run());
  });

  it('accounts for every request at every tier, and for every origin request in the per-second counts', () => {
    for (const changes of [{}, { tiering: false }, { collapsing: false }, { tiering: false, collapsing: false }, { ttlSeconds: 2 }]) {
      const r = run(changes);
      const { lower, upper } = r;
      expect(lower.hits + lower.collapsed + lower.upstream, JSON.stringify(changes)).toBe(lower.requests);
      if (upper) {
        expect(upper.requests).toBe(lower.upstream);
        expect(upper.hits + upper.collapsed + upper.upstream).toBe(upper.requests);
        expect(r.originRequests).toBe(upper.upstream);
      } else expect(r.originRequests).toBe(lower.upstream);
      expect(r.originPerSecond).toHaveLength(CDN_SCENARIO.durationSeconds);
      expect(r.originPerSecond.reduce((a, b) => a + b, 0)).toBe(r.originRequests);
    }
  });

  it('has no upper tier without tiering, and nothing collapsed without collapsing', () => {
    expect(run({ tiering: false }).upper).toBeUndefined();
    const r = run({ collapsing: false });
    expect(r.lower.collapsed).toBe(0);
    expect(r.upper!.collapsed).toBe(0);
  });

  it('with one PoP, the upper tier never hits: its copies expire with the PoP’s', () => {
    const r = run({ pops: 1 });
    expect(r.upper!.hits).toBe(0);
    expect(r.originRequests).toBe(r.lower.upstream);
  });

  it('with tiering and collapsing, the most popular asset reaches the origin once per TTL', () => {
    // Asset 0 is requested hundreds of times a second across the PoPs, so a new copy is fetched as
    // soon as the last one expires: once per TTL, 120 s / 30 s = 4 times.
    expect(run().hottestOriginRequests).toBe(CDN_SCENARIO.durationSeconds / DEFAULT_CDN_SETTINGS.ttlSeconds);
    expect(run({ tiering: false }).hottestOriginRequests).toBe(DEFAULT_CDN_SETTINGS.pops * 4);
    expect(run({ collapsing: false }).hottestOriginRequests).toBeGreaterThan(4);
  });

  it('tiering cuts the origin’s requests several times over with many PoPs', () => {
    const tiered = run({ pops: 30 });
    const flat = run({ pops: 30, tiering: false });
    expect(tiered.originRequests * 5).toBeLessThan(flat.originRequests);
  });

  it('agrees with the TTL-cache renewal argument without tiers: hit ratio λT / (1 + λd + λT) per asset', () => {
    // A miss for an asset requested at rate λ at one PoP starts a cycle: the fetch takes d (requests
    // then wait on it), the copy is fresh for T, then the next request, 1/λ later on average, misses.
    const settings = { pops: 4, zipfAlpha: 0.8, ttlSeconds: 2, tiering: false, collapsing: true };
    const r = simulateCdn(settings);
    const c = zipfCumulative(CDN_SCENARIO.assets, settings.zipfAlpha);
    const d = CDN_SCENARIO.toOriginMs / 1000;
    const T = settings.ttlSeconds;
    let expected = 0;
    for (let i = 0; i < CDN_SCENARIO.assets; i++) {
      const p = c[i]! - (i ? c[i - 1]! : 0);
      const lambda = p * CDN_SCENARIO.requestsPerSecondPerPop;
      expected += (p * lambda * T) / (1 + lambda * d + lambda * T);
    }
    // The run is fixed by its seed; about 24,000 requests put the sampling error near 0.3 %.
    expect(Math.abs(hitRatio(r.lower) - expected)).toBeLessThan(0.015);
  });

  it('rejects settings outside the widget’s ranges', () => {
    expect(() => run({ pops: 0 })).toThrow(RangeError);
    expect(() => run({ pops: 51 })).toThrow(/pops/);
    expect(() => run({ zipfAlpha: -0.1 })).toThrow(/zipfAlpha/);
    expect(() => run({ ttlSeconds: 1.5 })).toThrow(/ttlSeconds/);
  });
});
