/**
 * The numbers behind the hit-ratio explorer: for a Zipf popularity law over `keys` keys, the hit ratio
 * of a cache of `capacity` keys under five eviction policies, measured by seeded runs of the course's
 * cache simulator (src/models/module-17/cache-simulator/), next to the formula where one exists — Che's
 * approximation for LRU, Martina et al.'s for FIFO and random eviction, and the share of the most
 * popular keys, the bound LFU approaches. Pure functions of the settings, so the page's static picture
 * and the live widget show the same numbers.
 */
import { DEFAULT_SEED } from '../../../models/common/rng';
import {
  cheCharacteristicTime,
  cheHitRatio,
  fifoHitRatio,
  lruCapacityFor,
  topKeysCapacityFor,
  topKeysHitRatio,
} from '../../../models/module-17/cache-simulator/analytic';
import { POLICY_KINDS, simulateHitRatio, type PolicyKind } from '../../../models/module-17/cache-simulator/simulator';
import { zipfProbabilities } from '../../../models/module-17/cache-simulator/workload';

/** The explorer's settings. */
export interface HitRatioSettings {
  /** N: how many distinct keys are requested. */
  keys: number;
  /** C: how many keys the cache holds, 1 … N. */
  capacity: number;
  /** α: the Zipf exponent; key i is requested with probability ∝ 1/i^α. */
  exponent: number;
  /** The policy drawn on the chart. */
  policy: PolicyKind;
  /** Keys sampled per eviction by the Redis-style sampled LRU (maxmemory-samples), 1 … 64. */
  samples: number;
}

/** The starting point: 1000 keys, a cache of 100, α = 0.8, LRU, and Redis's default 5 samples. */
export const DEFAULT_HIT_RATIO: HitRatioSettings = { keys: 1000, capacity: 100, exponent: 0.8, policy: 'lru', samples: 5 };

/** Requests counted per policy in the table, after the warm-up. */
export const REQUESTS_FOR_TABLE = 150_000;
/** Requests counted per dot on the chart, after the warm-up. */
export const REQUESTS_PER_POINT = 40_000;
/** The fewest and the most requests run before counting, so that the cache fills and settles. */
export const WARMUP = { min: 50_000, perKey: 3, max: 300_000 } as const;

/**
 * The warm-up for `keys` keys: three requests per key, within [50 000, 300 000]. A cache starts empty,
 * and a large one fills only as requests reach its rarer keys; checked against the formulas, this keeps
 * the table within about 0.01 of steady state for caches up to half the keys (unit tests), at a cost a
 * browser pays in well under a second.
 */
export function warmupFor(keys: number): number {
  return Math.min(WARMUP.max, Math.max(WARMUP.min, WARMUP.perKey * keys));
}
/** The cache sizes of the chart's dots, as shares of the number of keys. */
export const POINT_SHARES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9] as const;

export const POLICY_LABELS: Record<PolicyKind, string> = {
  lru: 'LRU',
  lfu: 'LFU (counts every request)',
  fifo: 'FIFO',
  random: 'Random',
  'sampled-lru': 'Sampled LRU (Redis)',
};

/** What the formula column holds for each policy. */
export type FormulaKind = 'che' | 'martina' | 'top-keys' | 'none';
export const FORMULA_OF: Record<PolicyKind, FormulaKind> = {
  lru: 'che',
  fifo: 'martina',
  random: 'martina',
  lfu: 'top-keys',
  'sampled-lru': 'none',
};
export const FORMULA_LABELS: Record<FormulaKind, string> = {
  che: "Che's approximation",
  martina: 'Martina et al.',
  'top-keys': 'the C most popular keys (a bound)',
  none: 'no formula',
};

/** The key popularities for some settings. */
export function probabilitiesOf(settings: Pick<HitRatioSettings, 'keys' | 'exponent'>): Float64Array {
  return zipfProbabilities(settings.keys, settings.exponent);
}

/** One policy's label, with the sample count for sampled LRU. */
export function policyLabel(kind: PolicyKind, samples: number): string {
  return kind === 'sampled-lru' ? `Sampled LRU (Redis), ${samples} ${samples === 1 ? 'sample' : 'samples'}` : POLICY_LABELS[kind];
}

/** The formula's hit ratio for a policy at a capacity, or undefined when there is none. */
export function formulaHitRatio(kind: PolicyKind, probabilities: Float64Array, capacity: number): number | undefined {
  switch (FORMULA_OF[kind]) {
    case 'che':
      return cheHitRatio(probabilities, capacity);
    case 'martina':
      return fifoHitRatio(probabilities, capacity);
    case 'top-keys':
      return topKeysHitRatio(probabilities, capacity);
    default:
      return undefined;
  }
}

/** A seeded simulated hit ratio, and whether the cache had filled. Every policy meets the same requests (the same workload seed). */
export function simulatedHitRatio(
  kind: PolicyKind,
  settings: HitRatioSettings,
  probabilities: Float64Array,
  capacity: number,
  requests: number,
  seed = DEFAULT_SEED,
): { hitRatio: number; filled: boolean } {
  const { hitRatio, filled } = simulateHitRatio({
    policy: { kind, capacity, keys: settings.keys, samples: settings.samples, seed: seed + 1 },
    probabilities,
    requests,
    warmup: warmupFor(settings.keys),
    seed,
  });
  return { hitRatio, filled };
}

/** One row of the explorer's table. */
export interface PolicyRow {
  kind: PolicyKind;
  label: string;
  simulated: number;
  /** Whether the cache had filled before counting began; if not, `simulated` is a cold cache's. */
  filled: boolean;
  formula: number | undefined;
  formulaKind: FormulaKind;
}

/** The table: every policy at the chosen capacity, simulated and by formula. */
export function policyRows(settings: HitRatioSettings, probabilities = probabilitiesOf(settings), seed = DEFAULT_SEED): PolicyRow[] {
  return POLICY_KINDS.map((kind) => {
    const run = simulatedHitRatio(kind, settings, probabilities, settings.capacity, REQUESTS_FOR_TABLE, seed);
    return {
      kind,
      label: policyLabel(kind, settings.samples),
      simulated: run.hitRatio,
      filled: run.filled,
      formula: formulaHitRatio(kind, probabilities, settings.capacity),
      formulaKind: FORMULA_OF[kind],
    };
  });
}

/** The capacities of the chart's dots for `keys` keys: the shares in POINT_SHARES, at least 1, without repeats. */
export function pointCapacities(keys: number): number[] {
  return [...new Set(POINT_SHARES.map((share) => Math.max(1, Math.round(share * keys))))];
}

/**
 * The chart's dots: (C/N, simulated hit ratio) for the chosen policy, leaving out the caches that had
 * not filled when counting began (their hit ratio is a cold cache's, not the steady one).
 */
export function simulatedPoints(settings: HitRatioSettings, probabilities = probabilitiesOf(settings), seed = DEFAULT_SEED): [number, number][] {
  return pointCapacities(settings.keys).flatMap((capacity, i): [number, number][] => {
    const run = simulatedHitRatio(settings.policy, settings, probabilities, capacity, REQUESTS_PER_POINT, seed + 100 * (i + 1));
    return run.filled ? [[capacity / settings.keys, run.hitRatio]] : [];
  });
}

// #region curves
/**
 * A formula's whole curve, (C/N, hit ratio), for C from about 1 up to N. Che's and Martina's formulas
 * are drawn through their characteristic time T rather than by solving for T at each C: every T gives a
 * capacity C(T) = Σ occupancy and a hit ratio H(T) = Σ p_i·h_i at the cost of one pass over the keys.
 */
export function formulaCurve(kind: PolicyKind, probabilities: Float64Array): [number, number][] | undefined {
  const n = probabilities.length;
  const formula = FORMULA_OF[kind];
  if (formula === 'none') return undefined;
  if (formula === 'top-keys') {
    const sorted = Float64Array.from(probabilities).sort().reverse();
    const points: [number, number][] = [[0, 0]];
    const step = Math.max(1, Math.floor(n / 200));
    let sum = 0;
    for (let c = 1; c <= n; c++) {
      sum += sorted[c - 1]!;
      if (c % step === 0 || c === n) points.push([c / n, Math.min(1, sum)]);
    }
    return points;
  }
  let smallest = 1;
  for (let i = 0; i < n; i++) if (probabilities[i]! > 0) smallest = Math.min(smallest, probabilities[i]!);
  const hit = formula === 'che' ? (x: number) => -Math.expm1(-x) : (x: number) => x / (1 + x);
  const points: [number, number][] = [[0, 0]];
  // From T = 0.5 (C ≈ 0.5) up, until the curve is within a hair of its end at (1, 1).
  for (let t = 0.5; t <= 20 / smallest; t *= 1.15) {
    let occupancy = 0;
    let ratio = 0;
    for (let i = 0; i < n; i++) {
      const h = hit(probabilities[i]! * t);
      occupancy += h;
      ratio += probabilities[i]! * h;
    }
    points.push([occupancy / n, ratio]);
    if (occupancy >= 0.995 * n || ratio >= 0.9995) break;
  }
  points.push([1, 1]);
  return points;
}
// #endregion

/** How the explorer prints a hit ratio: a percentage with one decimal. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** Everything the explorer shows for one setting, for the server render and for tests. */
export function hitRatioView(settings: HitRatioSettings, seed = DEFAULT_SEED) {
  const probabilities = probabilitiesOf(settings);
  return {
    rows: policyRows(settings, probabilities, seed),
    points: simulatedPoints(settings, probabilities, seed),
    curve: formulaCurve(settings.policy, probabilities),
    lruCurve: formulaCurve('lru', probabilities)!,
  };
}

// ---------------------------------------------------------------------------------------------
// Static tables for the lesson, computed at build time from the same models.
// ---------------------------------------------------------------------------------------------

/** Requests counted per run in the lesson's tables, after a warm-up of 100 000. */
export const LESSON_REQUESTS = 400_000;

function lessonRun(policy: Parameters<typeof simulateHitRatio>[0]['policy'], probabilities: Float64Array, seed = DEFAULT_SEED): number {
  return simulateHitRatio({ policy, probabilities, requests: LESSON_REQUESTS, warmup: 100_000, seed }).hitRatio;
}

/** Che's approximation against the simulator, for the three cases of the course's reference table. */
export function cheReferenceRows(): { exponent: number; keys: number; capacity: number; time: number; formula: number; simulated: number }[] {
  return [
    { exponent: 0.8, keys: 100, capacity: 40 },
    { exponent: 0.8, keys: 1000, capacity: 100 },
    { exponent: 1, keys: 10_000, capacity: 1000 },
  ].map(({ exponent, keys, capacity }) => {
    const p = zipfProbabilities(keys, exponent);
    return {
      exponent,
      keys,
      capacity,
      time: cheCharacteristicTime(p, capacity),
      formula: cheHitRatio(p, capacity),
      simulated: lessonRun({ kind: 'lru', capacity, keys }, p),
    };
  });
}

/** Sampled LRU against LRU and random eviction at the explorer's default settings. */
export function sampledLruRows(settings: Pick<HitRatioSettings, 'keys' | 'capacity' | 'exponent'> = DEFAULT_HIT_RATIO): { label: string; simulated: number }[] {
  const { keys, capacity } = settings;
  const p = probabilitiesOf(settings);
  const sampled = (samples: number, pool = true) => lessonRun({ kind: 'sampled-lru', capacity, keys, samples, pool }, p);
  return [
    { label: 'Random eviction', simulated: lessonRun({ kind: 'random', capacity, keys }, p) },
    { label: 'Sampled, 1 sample', simulated: sampled(1) },
    { label: 'Sampled, 3 samples', simulated: sampled(3) },
    { label: 'Sampled, 5 samples, no pool (Redis 2.8)', simulated: sampled(5, false) },
    { label: 'Sampled, 5 samples (Redis default)', simulated: sampled(5) },
    { label: 'Sampled, 10 samples', simulated: sampled(10) },
    { label: 'Sampled, 64 samples (the maximum)', simulated: sampled(64) },
    { label: 'Exact LRU', simulated: lessonRun({ kind: 'lru', capacity, keys }, p) },
  ];
}

/** How many keys a cache needs for a target hit ratio, by Che's approximation for LRU and for the most popular keys. */
export function sizingRows(keys = 100_000, exponents: readonly number[] = [0.8, 1], targets: readonly number[] = [0.5, 0.8, 0.9, 0.95]) {
  return exponents.flatMap((exponent) => {
    const p = zipfProbabilities(keys, exponent);
    return targets.map((target) => ({ exponent, target, lru: lruCapacityFor(p, target), best: topKeysCapacityFor(p, target) }));
  });
}
