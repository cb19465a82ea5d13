/**
 * Each policy against a second, naive implementation of the same rule (arrays and linear scans) on
 * random request sequences, plus the cases that pin the rule down by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../common/rng';
import { FifoPolicy } from './fifo';
import { LfuPolicy } from './lfu';
import { LruPolicy } from './lru';
import type { Policy } from './policy';
import { RandomPolicy } from './random';
import { EVICTION_POOL_SIZE, SampledLruPolicy } from './sampled-lru';

const KEYS = 12;
const traces = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 0, max: KEYS - 1 }), { maxLength: 300 }));
const settings = { seed: 17, numRuns: 300 };

/** Replays `trace`, checking each answer and the cache's contents against the naive model. */
function agrees(policy: Policy, naive: { record(key: number): boolean; contents(): number[] }, trace: number[]): boolean {
  return trace.every((key) => {
    const hit = policy.record(key);
    if (hit !== naive.record(key)) return false;
    const contents = naive.contents();
    return policy.size === contents.length && [...Array(KEYS).keys()].every((k) => policy.contains(k) === contents.includes(k));
  });
}

function naiveLru(capacity: number) {
  const order: number[] = []; // least recent first
  return {
    record(key: number): boolean {
      const at = order.indexOf(key);
      if (at >= 0) order.splice(at, 1);
      else if (order.length === capacity) order.shift();
      order.push(key);
      return at >= 0;
    },
    contents: () => order,
  };
}

function naiveFifo(capacity: number) {
  const order: number[] = []; // oldest admission first
  return {
    record(key: number): boolean {
      if (order.includes(key)) return true;
      if (order.length === capacity) order.shift();
      order.push(key);
      return false;
    },
    contents: () => order,
  };
}

function naiveLfu(capacity: number) {
  const count = new Map<number, number>();
  const last = new Map<number, number>();
  const cached: number[] = [];
  let clock = 0;
  return {
    record(key: number): boolean {
      count.set(key, (count.get(key) ?? 0) + 1);
      last.set(key, ++clock);
      if (cached.includes(key)) return true;
      if (cached.length === capacity) {
        let victim = 0;
        for (let i = 1; i < cached.length; i++) {
          const [a, b] = [cached[i]!, cached[victim]!];
          if (count.get(a)! < count.get(b)! || (count.get(a) === count.get(b) && last.get(a)! < last.get(b)!)) victim = i;
        }
        cached.splice(victim, 1);
      }
      cached.push(key);
      return false;
    },
    contents: () => cached,
  };
}

describe('LruPolicy', () => {
  it('agrees with a naive LRU on random traces', () => {
    fc.assert(fc.property(traces, ([capacity, trace]) => agrees(new LruPolicy({ capacity, keys: KEYS }), naiveLru(capacity), trace)), settings);
  });

  it('evicts the least recently used key, refreshing recency on a hit', () => {
    const lru = new LruPolicy({ capacity: 2, keys: 5 });
    expect([0, 1, 0, 2].map((k) => lru.record(k))).toEqual([false, false, true, false]);
    expect([lru.contains(0), lru.contains(1), lru.contains(2)]).toEqual([true, false, true]);
    expect(lru.evictions).toBe(1);
  });

  it('names the option it rejects', () => {
    expect(() => new LruPolicy({ capacity: 0, keys: 5 })).toThrow(/capacity/);
    expect(() => new LruPolicy({ capacity: 2, keys: -1 })).toThrow(/keys/);
  });
});

describe('FifoPolicy', () => {
  it('agrees with a naive FIFO on random traces', () => {
    fc.assert(fc.property(traces, ([capacity, trace]) => agrees(new FifoPolicy({ capacity, keys: KEYS }), naiveFifo(capacity), trace)), settings);
  });

  it('evicts the oldest admission even if it was just requested', () => {
    const fifo = new FifoPolicy({ capacity: 2, keys: 5 });
    [0, 1, 0, 2].forEach((k) => fifo.record(k));
    expect([fifo.contains(0), fifo.contains(1), fifo.contains(2)]).toEqual([false, true, true]);
  });
});

describe('LfuPolicy', () => {
  it('agrees with a naive LFU (counts kept for every key, ties to the least recent) on random traces', () => {
    fc.assert(fc.property(traces, ([capacity, trace]) => agrees(new LfuPolicy({ capacity, keys: KEYS }), naiveLfu(capacity), trace)), settings);
  });

  it('remembers the count of an evicted key', () => {
    const lfu = new LfuPolicy({ capacity: 1, keys: 3 });
    [0, 0, 0, 1].forEach((k) => lfu.record(k));
    expect(lfu.countOf(0)).toBe(3);
    expect(lfu.contains(1)).toBe(true);
  });
});

describe('RandomPolicy', () => {
  it('hits exactly the cached keys, holds at most its capacity, and evicts once per miss when full', () => {
    fc.assert(
      fc.property(traces, fc.integer({ min: 0, max: 1000 }), ([capacity, trace], seed) => {
        const policy = new RandomPolicy({ capacity, keys: KEYS, rng: createRng(seed) });
        let misses = 0;
        for (const key of trace) {
          const was = policy.contains(key);
          if (policy.record(key) !== was) return false;
          if (!was) misses++;
          if (!policy.contains(key) || policy.size > capacity) return false;
        }
        return policy.evictions === Math.max(0, misses - capacity);
      }),
      settings,
    );
  });
});

/** An Rng that returns the given numbers in turn. */
function scripted(values: number[]): Rng {
  let i = 0;
  return { next: () => values[i++ % values.length]! };
}

describe('SampledLruPolicy', () => {
  it('hits exactly the cached keys, holds at most its capacity, and evicts once per miss when full', () => {
    fc.assert(
      fc.property(traces, fc.integer({ min: 1, max: 8 }), fc.boolean(), ([capacity, trace], samples, pool) => {
        const policy = new SampledLruPolicy({ capacity, keys: KEYS, samples, pool, rng: createRng(samples) });
        let misses = 0;
        for (const key of trace) {
          const was = policy.contains(key);
          if (policy.record(key) !== was) return false;
          if (!was) misses++;
          if (!policy.contains(key) || policy.size > capacity) return false;
        }
        return policy.evictions === Math.max(0, misses - capacity);
      }),
      settings,
    );
  });

  it('without the pool, evicts the longest idle of its samples', () => {
    // Keys 0, 1, 2, 3 are requested at times 1–4 and key 0 again at 5: at time 6 they have been idle 1, 4, 3 and 2.
    const policy = new SampledLruPolicy({ capacity: 4, keys: 6, samples: 2, pool: false, rng: scripted([0.3, 0.6]) });
    [0, 1, 2, 3, 0].forEach((k) => policy.record(k));
    // The samples pick slots 1 and 2 (keys 1 and 2); key 1 has been idle longer.
    policy.record(4);
    expect([1, 2].map((k) => policy.contains(k))).toEqual([false, true]);
  });

  it('keeps its best candidates between evictions, as Redis 3.0 does', () => {
    // Capacity 4, one sample per eviction. Keys 0–3 are requested in order, so key 0 is the oldest.
    const values = [0.0, 0.3];
    const policy = new SampledLruPolicy({ capacity: 4, keys: 8, samples: 1, rng: scripted(values) });
    [0, 1, 2, 3].forEach((k) => policy.record(k));
    // First eviction: the sample is slot 0 (key 0), the only candidate: it goes, and key 4 takes slot 0.
    policy.record(4);
    expect(policy.contains(0)).toBe(false);
    // Second eviction: the sample is slot 1 (key 1), idle 4; evicted; key 5 takes slot 1.
    policy.record(5);
    expect(policy.contains(1)).toBe(false);
    expect(policy.evictions).toBe(2);
  });

  it('evicts a candidate by the idle time it had when sampled, even if it was requested since', () => {
    // Two samples per eviction and a scripted choice of slots: 0 and 1, then 2 and 2, then 2 and 2.
    const policy = new SampledLruPolicy({ capacity: 3, keys: 8, samples: 2, rng: scripted([0.0, 0.4, 0.9, 0.9, 0.9, 0.9]) });
    [0, 1, 2].forEach((k) => policy.record(k));
    policy.record(5); // evicts key 0 (idle 3); key 1 (idle 2) stays in the pool; key 5 takes slot 0
    expect(policy.contains(0)).toBe(false);
    policy.record(1); // a hit: key 1 is now the most recent key
    // Next eviction samples slot 2 (key 2, idle 3) twice; the pool holds key 1 (idle 2 when sampled) and key 2 (idle 3).
    policy.record(6);
    expect(policy.contains(2)).toBe(false);
    // And the next: slot 2 now holds key 6 (idle 1), sampled twice; the best entry left that still exists is
    // key 1, pooled before its request at time 5. Key 5, idle longer but never sampled, stays.
    policy.record(7);
    expect(policy.contains(5)).toBe(true);
    expect(policy.contains(1)).toBe(false);
    expect(policy.contains(6)).toBe(true);
  });

  it('keeps at most 16 candidates', () => {
    expect(EVICTION_POOL_SIZE).toBe(16);
    const policy = new SampledLruPolicy({ capacity: 40, keys: 100, samples: 64, rng: createRng(2) });
    for (let k = 0; k < 100; k++) policy.record(k);
    expect(policy.size).toBe(40);
    expect(policy.evictions).toBe(60);
  });

  it('names the option it rejects', () => {
    expect(() => new SampledLruPolicy({ capacity: 4, keys: 8, samples: 0, rng: createRng(1) })).toThrow(/samples/);
    expect(() => new SampledLruPolicy({ capacity: 4, keys: 8, samples: 65, rng: createRng(1) })).toThrow(/samples/);
  });
});
