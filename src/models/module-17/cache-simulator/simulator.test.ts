/**
 * The simulator counts what it should, and its policies agree with the formulas where formulas exist:
 * Che's approximation for LRU, Martina et al.'s for FIFO and random eviction, and the C most popular
 * keys as the bound LFU approaches. The runs are seeded, so these checks always see the same numbers;
 * the bounds say how far the formulas are allowed to be from a long simulation (the approximation's own
 * error is well under 0.005 here, and a run of 400 000 requests wanders by about ±0.002).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../common/rng';
import { cheHitRatio, fifoHitRatio, topKeysHitRatio } from './analytic';
import { LruPolicy } from './lru';
import { createPolicy, POLICY_KINDS, simulate, simulateHitRatio } from './simulator';
import { zipfProbabilities, type Workload } from './workload';

/** A workload that cycles through a fixed list of keys. */
function cycle(keys: number, list: number[]): Workload {
  let i = 0;
  return { keys, next: () => list[i++ % list.length]! };
}

describe('simulate', () => {
  it('counts hits, misses and evictions after the warm-up only', () => {
    // Capacity 2 and keys 0, 1, 2 in a loop: LRU misses every time.
    const lru = simulate({ policy: new LruPolicy({ capacity: 2, keys: 3 }), workload: cycle(3, [0, 1, 2]), requests: 9, warmup: 3 });
    expect(lru).toEqual({ requests: 9, hits: 0, misses: 9, evictions: 9, hitRatio: 0, filled: true });
    // Keys 0, 1 in a loop fit: after a warm-up of 2, every request hits.
    const fits = simulate({ policy: new LruPolicy({ capacity: 2, keys: 3 }), workload: cycle(3, [0, 1]), requests: 10, warmup: 2 });
    expect(fits).toEqual({ requests: 10, hits: 10, misses: 0, evictions: 0, hitRatio: 1, filled: true });
  });

  it('says whether the cache was full when counting began', () => {
    const cold = simulate({ policy: new LruPolicy({ capacity: 3, keys: 3 }), workload: cycle(3, [0, 1, 2]), requests: 3, warmup: 2 });
    expect(cold.filled).toBe(false);
    expect(cold.hits).toBe(2); // 2 misses, then 0 and 1 hit
  });

  it('names the option it rejects', () => {
    const policy = new LruPolicy({ capacity: 2, keys: 3 });
    expect(() => simulate({ policy, workload: cycle(3, [0]), requests: 0 })).toThrow(/requests/);
    expect(() => simulate({ policy, workload: cycle(3, [0]), requests: 5, warmup: -1 })).toThrow(/warmup/);
    expect(() => simulate({ policy, workload: cycle(5, [0]), requests: 5 })).toThrow(/workload/);
    expect(() => createPolicy({ kind: 'mru' as never, capacity: 2, keys: 3 })).toThrow(/kind/);
    expect(() => simulateHitRatio({ policy: { kind: 'lru', capacity: 2, keys: 3 }, probabilities: zipfProbabilities(4, 1), requests: 5, warmup: 0 })).toThrow(/probabilities/);
  });

  it('gives the same numbers for the same seeds', () => {
    const run = (seed: number) =>
      simulateHitRatio({ policy: { kind: 'sampled-lru', capacity: 50, keys: 500, seed }, probabilities: zipfProbabilities(500, 0.9), requests: 20_000, warmup: 5_000, seed });
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});

const cases = [
  { alpha: 0.8, keys: 100, capacity: 40 },
  { alpha: 0.8, keys: 1000, capacity: 100 },
  { alpha: 1.0, keys: 10_000, capacity: 1000 },
] as const;

function measured(kind: (typeof POLICY_KINDS)[number], alpha: number, keys: number, capacity: number, samples?: number): number {
  return simulateHitRatio({
    policy: { kind, capacity, keys, ...(samples ? { samples } : {}) },
    probabilities: zipfProbabilities(keys, alpha),
    requests: 400_000,
    warmup: 100_000,
    seed: 11,
  }).hitRatio;
}

describe('agreement with the formulas', () => {
  it.each(cases)("LRU is within 0.005 of Che's approximation (α = $alpha, $keys keys, capacity $capacity)", ({ alpha, keys, capacity }) => {
    expect(Math.abs(measured('lru', alpha, keys, capacity) - cheHitRatio(zipfProbabilities(keys, alpha), capacity))).toBeLessThan(0.005);
  });

  it.each(cases)('FIFO and random are within 0.005 of Martina et al. (α = $alpha, $keys keys, capacity $capacity)', ({ alpha, keys, capacity }) => {
    const formula = fifoHitRatio(zipfProbabilities(keys, alpha), capacity);
    expect(Math.abs(measured('fifo', alpha, keys, capacity) - formula)).toBeLessThan(0.005);
    expect(Math.abs(measured('random', alpha, keys, capacity) - formula)).toBeLessThan(0.005);
  });

  it.each(cases)('LFU comes within 0.01 of the most popular keys, from below (α = $alpha, $keys keys, capacity $capacity)', ({ alpha, keys, capacity }) => {
    const bound = topKeysHitRatio(zipfProbabilities(keys, alpha), capacity);
    const lfu = measured('lfu', alpha, keys, capacity);
    expect(lfu).toBeLessThan(bound + 0.003);
    expect(bound - lfu).toBeLessThan(0.01);
  });

  it('sampled LRU is random eviction with one sample, and nears LRU as the samples grow', () => {
    // With one sample the pool never holds more than the one key it is about to evict.
    const { alpha, keys, capacity } = cases[1];
    const lru = measured('lru', alpha, keys, capacity);
    const random = measured('random', alpha, keys, capacity);
    const [one, five, ten, max] = [1, 5, 10, 64].map((samples) => measured('sampled-lru', alpha, keys, capacity, samples)) as [number, number, number, number];
    expect(Math.abs(one - random)).toBeLessThan(0.003);
    expect(five).toBeGreaterThan(random + 0.02);
    expect(ten).toBeGreaterThan(five);
    expect(lru - five).toBeLessThan(0.01);
    expect(Math.abs(lru - max)).toBeLessThan(0.003);
  });
});

describe('createPolicy', () => {
  it('makes every kind, empty and with the capacity asked for', () => {
    for (const kind of POLICY_KINDS) {
      const policy = createPolicy({ kind, capacity: 3, keys: 10 });
      expect(policy.size).toBe(0);
      expect(policy.capacity).toBe(3);
      expect(policy.keys).toBe(10);
    }
    expect(createPolicy({ kind: 'sampled-lru', capacity: 3, keys: 10, samples: 10 }).name).toBe('Sampled LRU (10 samples)');
    expect(createRng).toBeTypeOf('function');
  });
});
