/**
 * The cache simulator: it takes keys from a workload, feeds each to a policy, and counts what happened.
 * It knows nothing about how either works (see workload.ts and policy.ts), so any policy meets any
 * workload. Everything is seeded, so a run is reproducible.
 */
import { integerAtLeast } from '../../common/guards';
import { createRng, DEFAULT_SEED } from '../../common/rng';
import { FifoPolicy } from './fifo';
import { LfuPolicy } from './lfu';
import { LruPolicy } from './lru';
import type { Policy } from './policy';
import { RandomPolicy } from './random';
import { DEFAULT_SAMPLES, SampledLruPolicy } from './sampled-lru';
import { IndependentWorkload, type Workload } from './workload';

/** What a run measured, after the warm-up. */
export interface Metrics {
  /** Requests counted (the warm-up excluded). */
  requests: number;
  hits: number;
  misses: number;
  /** Evictions during the counted requests. */
  evictions: number;
  /** hits / requests, from 0 to 1. */
  hitRatio: number;
  /**
   * Whether the cache was full when counting began. A cache that was not is still filling, and its hit
   * ratio is not yet the steady one: a longer warm-up is needed (for a large cache over rarely requested
   * keys, a much longer one).
   */
  filled: boolean;
}

export interface RunOptions {
  policy: Policy;
  workload: Workload;
  /** Requests to count: an integer >= 1. */
  requests: number;
  /** Requests to run first without counting them, so that the cache fills (an integer >= 0). 0 when left out. */
  warmup?: number;
}

// #region simulate
/** Runs `warmup` uncounted requests, then `requests` counted ones, and reports the counted ones. */
export function simulate(options: RunOptions): Metrics {
  const { policy, workload } = options;
  const requests = integerAtLeast('requests', options.requests, 1);
  const warmup = integerAtLeast('warmup', options.warmup ?? 0, 0);
  if (workload.keys > policy.keys) throw new RangeError(`workload has ${workload.keys} keys, more than the policy's key space of ${policy.keys}`);
  for (let i = 0; i < warmup; i++) policy.record(workload.next());
  const evictionsBefore = policy.evictions;
  const filled = policy.size === policy.capacity;
  let hits = 0;
  for (let i = 0; i < requests; i++) {
    if (policy.record(workload.next())) hits++;
  }
  return { requests, hits, misses: requests - hits, evictions: policy.evictions - evictionsBefore, hitRatio: hits / requests, filled };
}
// #endregion

/** The policies the simulator offers by name. */
export const POLICY_KINDS = ['lru', 'lfu', 'fifo', 'random', 'sampled-lru'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export interface PolicySpec {
  kind: PolicyKind;
  capacity: number;
  keys: number;
  /** For sampled-lru: keys sampled per eviction (maxmemory-samples). 5 when left out. */
  samples?: number;
  /** For random and sampled-lru: the seed of their own random numbers. The course's default seed when left out. */
  seed?: number;
  /** For sampled-lru: keep Redis 3.0's pool of 16 candidates (true, the default) or evict the best of each sample alone, as Redis 2.8 did. */
  pool?: boolean;
}

/** A new, empty policy of the given kind. */
export function createPolicy(spec: PolicySpec): Policy {
  const { kind, capacity, keys } = spec;
  const rng = createRng(spec.seed ?? DEFAULT_SEED);
  switch (kind) {
    case 'lru':
      return new LruPolicy({ capacity, keys });
    case 'lfu':
      return new LfuPolicy({ capacity, keys });
    case 'fifo':
      return new FifoPolicy({ capacity, keys });
    case 'random':
      return new RandomPolicy({ capacity, keys, rng });
    case 'sampled-lru':
      return new SampledLruPolicy({ capacity, keys, rng, samples: spec.samples ?? DEFAULT_SAMPLES, pool: spec.pool ?? true });
    default:
      throw new RangeError(`kind must be one of ${POLICY_KINDS.join(', ')} (got ${String(kind)})`);
  }
}

export interface HitRatioRun {
  policy: PolicySpec;
  /** The popularity of each key. */
  probabilities: Float64Array;
  requests: number;
  warmup: number;
  /** The seed of the workload's random numbers. The course's default seed when left out. */
  seed?: number;
}

/** One seeded run of a policy against independent requests with the given popularities. */
export function simulateHitRatio(run: HitRatioRun): Metrics {
  if (run.probabilities.length !== run.policy.keys) {
    throw new RangeError(`probabilities must have one entry per key (${run.policy.keys}), not ${run.probabilities.length}`);
  }
  const workload = new IndependentWorkload(run.probabilities, createRng(run.seed ?? DEFAULT_SEED));
  return simulate({ policy: createPolicy(run.policy), workload, requests: run.requests, warmup: run.warmup });
}
