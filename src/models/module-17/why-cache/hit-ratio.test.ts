import { describe, expect, it } from 'vitest';
import { allHitProbability, coldCacheMultiplier, hitRatioTable, LESSON_EXAMPLE, meanLatencyMs, originRate, requiredHitRatio } from './hit-ratio';

describe('hit-ratio arithmetic', () => {
  it('mean latency is the hit-weighted average of hit and miss latency', () => {
    expect(meanLatencyMs(0.9, 1, 50)).toBeCloseTo(5.9, 12);
    expect(meanLatencyMs(0.99, 1, 50)).toBeCloseTo(1.49, 12);
    expect(meanLatencyMs(1, 1, 50)).toBe(1);
  });

  it('from 90 % to 99 % the origin load falls tenfold', () => {
    expect(originRate(10_000, 0.9)).toBeCloseTo(1000, 9);
    expect(originRate(10_000, 0.99)).toBeCloseTo(100, 9);
    expect(originRate(10_000, 0.9) / originRate(10_000, 0.99)).toBeCloseTo(10, 9);
  });

  it('a cold cache multiplies the origin load by 1/(1 − h)', () => {
    expect(coldCacheMultiplier(0.99)).toBeCloseTo(100, 9);
    expect(coldCacheMultiplier(0.964)).toBeCloseTo(27.78, 2);
    expect(coldCacheMultiplier(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a page of 100 lookups at 99 % is all hits only 36.6 % of the time (Dean and Barroso\'s 63 % see a miss)', () => {
    expect(allHitProbability(0.99, 100)).toBeCloseTo(0.366, 3);
    expect(1 - allHitProbability(0.99, 100)).toBeCloseTo(0.634, 3);
    expect(allHitProbability(0.5, 0)).toBe(1);
  });

  it('the hit ratio an origin needs follows from its capacity', () => {
    expect(requiredHitRatio(10_000, 500)).toBeCloseTo(0.95, 12);
    expect(requiredHitRatio(100, 500)).toBe(0);
    expect(requiredHitRatio(0, 500)).toBe(0);
  });

  it('builds the lesson table', () => {
    const rows = hitRatioTable(LESSON_EXAMPLE.hitRatios, LESSON_EXAMPLE.requestRate, LESSON_EXAMPLE.hitMs, LESSON_EXAMPLE.missMs);
    expect(rows.map((r) => Number(r.meanLatencyMs.toFixed(3)))).toEqual([50, 25.5, 5.9, 3.45, 1.49, 1.049]);
    expect(rows.map((r) => Math.round(r.originRate))).toEqual([10_000, 5000, 1000, 500, 100, 10]);
    expect(rows.map((r) => Number(r.speedup.toFixed(1)))).toEqual([1, 2, 8.5, 14.5, 33.6, 47.7]);
  });

  it('names a bad argument', () => {
    expect(() => meanLatencyMs(1.2, 1, 2)).toThrow(/hitRatio/);
    expect(() => meanLatencyMs(Number.NaN, 1, 2)).toThrow(/hitRatio/);
    expect(() => meanLatencyMs(0.5, -1, 2)).toThrow(/hitMs/);
    expect(() => originRate(Number.NaN, 0.5)).toThrow(/requestRate/);
    expect(() => allHitProbability(0.5, 1.5)).toThrow(/lookups/);
    expect(() => requiredHitRatio(10, -1)).toThrow(/originCapacity/);
  });
});
