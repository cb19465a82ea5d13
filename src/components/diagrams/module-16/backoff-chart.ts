/**
 * Data for the lesson's backoff chart: the full-jitter ceiling and mean per retry, and the waits a
 * group of messages that failed together would draw, from a fixed seed so the page is reproducible.
 */
import { backoffCeilingMs, fullJitterDelayMs, type BackoffPolicy } from '../../../models/module-16/dead-letter-queue/backoff';
import { createRng, DEFAULT_SEED } from '../../../models/common/rng';

/** The chart's policy: 100 ms doubling to a 10 s cap. */
export const CHART_POLICY: BackoffPolicy = { baseMs: 100, capMs: 10_000 };

type Point = readonly [number, number];

export function backoffChartSeries(
  policy: BackoffPolicy = CHART_POLICY,
  retries = 9,
  messages = 12,
  seed = DEFAULT_SEED,
): { ceiling: Point[]; mean: Point[]; draws: Point[]; retries: number } {
  const rng = createRng(seed);
  const ns = Array.from({ length: retries }, (_, i) => i + 1);
  return {
    ceiling: ns.map((n) => [n, backoffCeilingMs(n, policy)] as const),
    mean: ns.map((n) => [n, backoffCeilingMs(n, policy) / 2] as const),
    draws: ns.flatMap((n) => Array.from({ length: messages }, () => [n, fullJitterDelayMs(n, policy, rng)] as const)),
    retries,
  };
}
