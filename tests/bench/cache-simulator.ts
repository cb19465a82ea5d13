/**
 * How fast the cache simulator runs, in requests per second of wall-clock time, policy by policy.
 * Run: npx tsx tests/bench/cache-simulator.ts [requests]   (default 5 000 000 per run)
 *
 * A script that prints figures, not a test: the machine's load decides the numbers, so nothing here
 * passes or fails. Every run draws Zipf(α = 1) requests over 100 000 keys into a cache of 10 000; each
 * policy runs once to warm up the JIT, then five times from different seeds, and the median rate is
 * printed with the range, next to the measured hit ratio (and the formula's, where there is one) as a
 * check that the runs are real. LRU goes first, before the other policies reach the same call sites.
 *
 * Two rates per run: by the process's CPU time (user + system), which other programs on a shared
 * machine disturb little, and by the wall clock, which is what a reader waits for on an idle machine.
 */
import { cheHitRatio, fifoHitRatio } from '../../src/models/module-17/cache-simulator/analytic';
import { createPolicy, simulate, type PolicyKind } from '../../src/models/module-17/cache-simulator/simulator';
import { zipfProbabilities, IndependentWorkload } from '../../src/models/module-17/cache-simulator/workload';
import { createRng } from '../../src/models/common/rng';

const requests = Number(process.argv[2] ?? 5_000_000);
if (!(Number.isInteger(requests) && requests >= 100_000)) {
  process.stderr.write(`requests must be a whole number >= 100000 (got ${process.argv[2]})\n`);
  process.exit(2);
}

const KEYS = 100_000;
const CAPACITY = 10_000;
const EXPONENT = 1;
const WARMUP = 200_000;
const probabilities = zipfProbabilities(KEYS, EXPONENT);
const format = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

function run(kind: PolicyKind, n: number, seed: number): { cpuSeconds: number; wallSeconds: number; hitRatio: number } {
  const policy = createPolicy({ kind, capacity: CAPACITY, keys: KEYS, seed: seed + 1 });
  const workload = new IndependentWorkload(probabilities, createRng(seed));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const metrics = simulate({ policy, workload, requests: n, warmup: WARMUP });
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { cpuSeconds: (used.user + used.system) / 1e6, wallSeconds, hitRatio: metrics.hitRatio };
}

/** The median and the range of some rates, formatted. */
function summary(rates: number[]): string {
  const sorted = [...rates].sort((a, b) => a - b);
  return `${format.format(sorted[Math.floor(sorted.length / 2)]!)} M/s (range ${format.format(sorted[0]!)}–${format.format(sorted[sorted.length - 1]!)})`;
}

const predicted: Partial<Record<PolicyKind, number>> = {
  lru: cheHitRatio(probabilities, CAPACITY),
  fifo: fifoHitRatio(probabilities, CAPACITY),
  random: fifoHitRatio(probabilities, CAPACITY),
};
process.stdout.write(
  `cache simulator: Zipf α = ${EXPONENT}, ${format.format(KEYS)} keys, capacity ${format.format(CAPACITY)}, ` +
    `${format.format(requests)} counted requests per run after ${format.format(WARMUP)} of warm-up, Node ${process.versions.node}\n`,
);
for (const kind of ['lru', 'fifo', 'random', 'sampled-lru', 'lfu'] as const) {
  run(kind, 500_000, 1);
  const runs = [11, 21, 31, 41, 51].map((seed) => run(kind, requests, seed));
  const byCpu = runs.map((r) => (requests + WARMUP) / r.cpuSeconds / 1e6);
  const byWall = runs.map((r) => (requests + WARMUP) / r.wallSeconds / 1e6);
  const ratios = runs.map((r) => r.hitRatio.toFixed(4)).join(', ');
  const formula = predicted[kind] === undefined ? '' : `; formula ${predicted[kind]!.toFixed(4)}`;
  process.stdout.write(`  ${kind.padEnd(12)} requests per second, median of 5: ${summary(byCpu)} by CPU time, ${summary(byWall)} by the wall clock\n`);
  process.stdout.write(`  ${''.padEnd(12)} hit ratio ${ratios}${formula}\n`);
}
