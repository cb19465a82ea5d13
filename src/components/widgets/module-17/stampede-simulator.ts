/**
 * The numbers behind the stampede simulator: one run of the chosen strategy, every strategy on the same
 * seeded workload for the comparison table, and the chart's series. All from the course's model
 * (src/models/module-17/stampede-simulator/simulator.ts), so the server render, the hydrated island and
 * the end-to-end test show the same numbers.
 */
import { DEFAULT_SEED } from '../../../models/common/rng';
import {
  compareStrategies,
  DEFAULT_STAMPEDE,
  STAMPEDE_STRATEGIES,
  type StampedeRun,
  type StampedeSettings,
  type StampedeStrategy,
} from '../../../models/module-17/stampede-simulator/simulator';

export { DEFAULT_STAMPEDE, STAMPEDE_STRATEGIES, type StampedeSettings, type StampedeStrategy };

/** Short names for the comparison table, which must fit a phone's width. */
export const SHORT_LABELS: Record<StampedeStrategy, string> = {
  none: 'None',
  mutex: 'Mutex',
  'single-flight': 'Single-flight',
  xfetch: 'XFetch',
  article: 'Article',
  'stale-while-revalidate': 'SWR',
  leases: 'Leases',
};

/** One sentence per strategy: what a reader does when the value is not fresh (or nearly not). */
export const STRATEGY_NOTES: Record<StampedeStrategy, string> = {
  none: 'Every request that finds the value expired queries the database itself.',
  mutex: 'One lock per key, shared by all servers: its holder queries the database, everyone else waits for its value.',
  'single-flight': 'Each server coalesces its own requests into one query, but the servers do not coordinate.',
  xfetch: 'Each request for a fresh value refreshes it early with probability e^(−r/(δβ)), r being the time left.',
  article: "As XFetch, but with the TTL in place of δ: probability e^(−r/(TTL·β)), at least 1/e even just after a refresh.",
  'stale-while-revalidate': 'Expired values are served stale for one more TTL while a single background query refreshes them.',
  leases: 'The cache hands one lease per key every 10 s; other readers are told to wait and retry.',
};

export interface StampedeView {
  settings: StampedeSettings;
  /** The chosen strategy's run. */
  run: StampedeRun;
  /** Every strategy on the same workload, in STAMPEDE_STRATEGIES order. */
  compare: StampedeRun[];
  /** The run without protection, drawn under the chosen one for comparison. */
  baseline: StampedeRun;
  /** The top of the chart's y axis. */
  yMax: number;
}

/** Everything the simulator shows for one setting. */
export function stampedeView(settings: StampedeSettings, seed = DEFAULT_SEED): StampedeView {
  const compare = compareStrategies(settings, seed);
  const run = compare.find((r) => r.settings.strategy === settings.strategy)!;
  const baseline = compare[0]!;
  const yMax = Math.max(4, Math.ceil(Math.max(run.peakLoads, baseline.peakLoads) * 1.15));
  return { settings, run, compare, baseline, yMax };
}

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** How the simulator prints a count. */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** How the simulator prints a time in seconds. */
export function formatSeconds(s: number): string {
  return `${new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(s)} s`;
}

/** The chart's accessible description, with its numbers. */
export function chartDescription(view: StampedeView): string {
  const { run, baseline, settings } = view;
  const name = STAMPEDE_STRATEGIES.find((s) => s.id === settings.strategy)!.label;
  const own = `${name}: ${formatCount(run.loads)} database queries in ${formatSeconds(run.seconds)}, at most ${formatCount(run.peakLoads)} at once.`;
  return settings.strategy === 'none' ? own : `${own} Without protection: ${formatCount(baseline.loads)} queries, at most ${formatCount(baseline.peakLoads)} at once.`;
}
