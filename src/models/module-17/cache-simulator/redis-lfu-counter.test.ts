import { describe, expect, it } from 'vitest';
import { createRng } from '../../common/rng';
import { LFU_INIT_VAL, lfuCounterAfter, lfuLogIncrement, meanHitsToReach } from './redis-lfu-counter';

describe("Redis's LFU counter", () => {
  it('always counts at or below the initial value, and never passes 255', () => {
    const always = { next: () => 0.999999 };
    expect(lfuLogIncrement(3, 10, always)).toBe(4);
    expect(lfuLogIncrement(LFU_INIT_VAL, 10, always)).toBe(6);
    expect(lfuLogIncrement(6, 10, always)).toBe(6); // p = 1/11
    expect(lfuLogIncrement(6, 10, { next: () => 0.09 })).toBe(7);
    expect(lfuLogIncrement(255, 0, { next: () => 0 })).toBe(255);
  });

  it("reproduces redis.conf's table for lfu-log-factor 10 (100 hits → 10, 1K → 18, 100K → 142, 1M → 255) within one run's spread", () => {
    const median = (hits: number) => {
      const rng = createRng(20261126);
      const runs = Array.from({ length: 21 }, () => lfuCounterAfter(hits, 10, rng)).sort((a, b) => a - b);
      return runs[10]!;
    };
    expect(Math.abs(median(100) - 10)).toBeLessThanOrEqual(1);
    expect(Math.abs(median(1000) - 18)).toBeLessThanOrEqual(2);
    expect(Math.abs(median(100_000) - 142)).toBeLessThanOrEqual(6);
    expect(median(1_000_000)).toBe(255);
  });

  it('needs (c − 5) + f·(c − 5)(c − 6)/2 hits on average to reach c', () => {
    expect(meanHitsToReach(10, 10)).toBe(105);
    expect(meanHitsToReach(142, 10)).toBe(93_297);
    expect(meanHitsToReach(255, 10)).toBe(311_500);
    expect(meanHitsToReach(5, 10)).toBe(0);
    const rng = createRng(4);
    const runs = 2000;
    let total = 0;
    for (let r = 0; r < runs; r++) {
      let counter = LFU_INIT_VAL;
      let hits = 0;
      while (counter < 12) {
        counter = lfuLogIncrement(counter, 10, rng);
        hits++;
      }
      total += hits;
    }
    // Mean 217, standard deviation of one run about 95, so of the mean about 2.1: 10 of those is far out.
    expect(Math.abs(total / runs - meanHitsToReach(12, 10))).toBeLessThan(21);
  });

  it('names the argument it rejects', () => {
    expect(() => meanHitsToReach(4, 10)).toThrow(/counter/);
    expect(() => meanHitsToReach(256, 10)).toThrow(/counter/);
    expect(() => lfuCounterAfter(-1, 10, createRng(1))).toThrow(/hits/);
    expect(() => lfuCounterAfter(1, Number.NaN, createRng(1))).toThrow(/logFactor/);
  });
});
