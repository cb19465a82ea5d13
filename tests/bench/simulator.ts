/**
 * How fast the queue simulator runs, in simulated customers per second of wall-clock time.
 * Run: npx tsx tests/bench/simulator.ts [customers]   (default 3 000 000 per run)
 *
 * A script that prints figures, not a test: the machine's load decides the numbers, so nothing here
 * passes or fails. Each case runs once to warm up the JIT, then three times; the median is printed with
 * the range, and the measured mean wait next to the formula's, as a check that the runs are real.
 */
import { exponentialSampler } from '../../src/models/common/distributions';
import { mmc } from '../../src/models/module-16/queue-models/queue-formulas';
import { simulateQueue } from '../../src/models/module-16/queue-models/queue-simulator';
import { createRng } from '../../src/models/common/rng';

const customers = Number(process.argv[2] ?? 3_000_000);
if (!(Number.isInteger(customers) && customers >= 1000)) {
  process.stderr.write(`customers must be a whole number >= 1000 (got ${process.argv[2]})\n`);
  process.exit(2);
}

interface Case {
  name: string;
  servers: number;
  arrivalRate: number;
  serviceRate: number;
}

const cases: Case[] = [
  { name: 'M/M/1, ρ = 0.8', servers: 1, arrivalRate: 16, serviceRate: 20 },
  { name: 'M/M/c, c = 10, ρ = 0.9', servers: 10, arrivalRate: 180, serviceRate: 20 },
  { name: 'M/M/c, c = 105, ρ = 0.952', servers: 105, arrivalRate: 2000, serviceRate: 20 },
];

function run(c: Case, n: number, seed: number): { seconds: number; meanWait: number } {
  const started = performance.now();
  const result = simulateQueue({
    servers: c.servers,
    interarrivalTime: exponentialSampler(createRng(seed), 1 / c.arrivalRate),
    serviceTime: exponentialSampler(createRng(seed + 1), 1 / c.serviceRate),
    customers: n,
    warmupCustomers: 10_000,
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, meanWait: result.timesInQueue.reduce((sum, w) => sum + w, 0) / n };
}

const format = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
process.stdout.write(`queue simulator: ${format.format(customers)} measured customers per run, Node ${process.versions.node}\n`);
for (const c of cases) {
  run(c, 200_000, 1);
  const runs = [11, 21, 31].map((seed) => run(c, customers, seed));
  const rates = runs.map((r) => (customers + 10_000) / r.seconds / 1e6).sort((a, b) => a - b);
  const expected = mmc(c.arrivalRate, c.serviceRate, c.servers).timeInQueue;
  const waits = runs.map((r) => format.format(r.meanWait * 1000)).join(', ');
  process.stdout.write(
    `  ${c.name.padEnd(26)} ${format.format(rates[1]!)} M customers/s (range ${format.format(rates[0]!)}–${format.format(rates[2]!)}); ` +
      `mean wait ${waits} ms, formula ${format.format(expected * 1000)} ms\n`,
  );
}
