import { describe, expect, it } from 'vitest';
import {
  cheCharacteristicTime,
  cheHitRatio,
  fifoCharacteristicTime,
  fifoHitRatio,
  lruCapacityFor,
  topKeysCapacityFor,
  topKeysHitRatio,
} from './analytic';
import { zipfProbabilities } from './workload';

describe("Che's approximation for LRU", () => {
  // Reference values computed by bisection and checked against LRU simulations of 1.8 M requests.
  it.each([
    [0.8, 100, 40, 72.2, 0.645],
    [0.8, 1000, 100, 133.9, 0.378],
    [1.0, 10_000, 1000, 2352, 0.676],
  ])('Zipf %f over %i keys, capacity %i: T = %f requests, hit ratio %f', (alpha, keys, capacity, t, h) => {
    const p = zipfProbabilities(keys, alpha);
    expect(cheCharacteristicTime(p, capacity)).toBeCloseTo(t, t > 1000 ? -1 : 1);
    expect(cheHitRatio(p, capacity)).toBeCloseTo(h, 3);
  });

  it('fills the cache exactly at its characteristic time', () => {
    const p = zipfProbabilities(5000, 0.9);
    const t = cheCharacteristicTime(p, 321);
    const occupancy = p.reduce((sum, pi) => sum - Math.expm1(-pi * t), 0);
    expect(occupancy).toBeCloseTo(321, 6);
  });

  it('gives a hit ratio of 1 once every key fits, and grows with the capacity', () => {
    const p = zipfProbabilities(50, 1);
    expect(cheCharacteristicTime(p, 50)).toBe(Number.POSITIVE_INFINITY);
    expect(cheHitRatio(p, 60)).toBe(1);
    let previous = 0;
    for (const c of [1, 2, 5, 10, 20, 40, 49]) {
      const h = cheHitRatio(p, c);
      expect(h).toBeGreaterThan(previous);
      previous = h;
    }
  });

  it('is exact for a uniform law: C/N', () => {
    expect(cheHitRatio(zipfProbabilities(200, 0), 50)).toBeCloseTo(0.25, 9);
    expect(fifoHitRatio(zipfProbabilities(200, 0), 50)).toBeCloseTo(0.25, 9);
  });
});

describe('FIFO and random eviction (Martina et al.)', () => {
  it('fills the cache at its characteristic time, and hits less than LRU under a skewed law', () => {
    const p = zipfProbabilities(1000, 0.8);
    const t = fifoCharacteristicTime(p, 100);
    expect(p.reduce((sum, pi) => sum + (pi * t) / (1 + pi * t), 0)).toBeCloseTo(100, 6);
    expect(fifoHitRatio(p, 100)).toBeLessThan(cheHitRatio(p, 100));
    expect(fifoHitRatio(p, 100)).toBeCloseTo(0.3341, 3);
  });
});

describe('the most popular keys', () => {
  it('adds up the largest probabilities, whatever their order', () => {
    expect(topKeysHitRatio(new Float64Array([0.1, 0.6, 0.3]), 2)).toBeCloseTo(0.9, 12);
    expect(topKeysHitRatio(new Float64Array([0.1, 0.6, 0.3]), 5)).toBe(1);
  });

  it('bounds LRU from above', () => {
    for (const alpha of [0.6, 0.8, 1, 1.2]) {
      const p = zipfProbabilities(2000, alpha);
      expect(topKeysHitRatio(p, 200)).toBeGreaterThan(cheHitRatio(p, 200));
    }
  });
});

describe('sizing for a target hit ratio', () => {
  it('finds the smallest LRU cache that reaches the target', () => {
    const p = zipfProbabilities(20_000, 1);
    for (const target of [0.5, 0.7, 0.9]) {
      const c = lruCapacityFor(p, target);
      expect(cheHitRatio(p, c)).toBeGreaterThanOrEqual(target - 1e-9);
      expect(cheHitRatio(p, c - 1)).toBeLessThan(target);
    }
  });

  it('finds the fewest most-popular keys that reach the target', () => {
    const p = zipfProbabilities(20_000, 1);
    const c = topKeysCapacityFor(p, 0.8);
    expect(topKeysHitRatio(p, c)).toBeGreaterThanOrEqual(0.8);
    expect(topKeysHitRatio(p, c - 1)).toBeLessThan(0.8);
    expect(lruCapacityFor(p, 0.8)).toBeGreaterThan(c);
  });

  it('names the argument it rejects', () => {
    const p = zipfProbabilities(10, 1);
    expect(() => cheHitRatio(p, 0)).toThrow(/capacity/);
    expect(() => lruCapacityFor(p, 1)).toThrow(/target/);
    expect(() => topKeysCapacityFor(p, Number.NaN)).toThrow(/target/);
  });
});
