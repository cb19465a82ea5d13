/**
 * What the tiered-cache simulator shows for one run of the course's CDN simulation
 * (src/models/case-studies/tiered-cache/cdn-simulation.ts): the headline numbers, one table row per
 * tier, the origin's requests per second, and how each is written. The widget and its end-to-end test
 * both read them from here, so the page and the test agree on every digit.
 */
import { CDN_SCENARIO, hitRatio, type CdnSimulationResult } from '../../../models/case-studies/tiered-cache/cdn-simulation';

const whole = new Intl.NumberFormat('en');

/** A count, with thousands separators: 12,345. */
export const formatCount = (n: number): string => whole.format(n);
/** A share as a percentage with one decimal: 0.9473 → 94.7%. */
export const formatPercent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** One row of the per-tier table. */
export interface TierRow {
  key: 'lower' | 'upper';
  label: string;
  requests: number;
  hits: number;
  collapsed: number;
  upstream: number;
  hitRatio: number;
}

export function tierRows(result: CdnSimulationResult): TierRow[] {
  const rows: TierRow[] = [{ key: 'lower', label: result.upper ? 'Lower tier (PoPs)' : 'PoPs (no tiers)', ...result.lower, hitRatio: hitRatio(result.lower) }];
  if (result.upper) rows.push({ key: 'upper', label: 'Upper tier', ...result.upper, hitRatio: hitRatio(result.upper) });
  return rows;
}

/** The headline numbers, written as the widget shows them, keyed like their data-result attributes. */
export function headline(result: CdnSimulationResult): Record<'originRequests' | 'offload' | 'hottestOriginRequests', string> {
  return {
    originRequests: formatCount(result.originRequests),
    offload: formatPercent(result.lower.requests ? 1 - result.originRequests / result.lower.requests : 0),
    hottestOriginRequests: formatCount(result.hottestOriginRequests),
  };
}

/** The table's cells, written as shown, keyed `<tier>-<column>` like their data-result attributes. */
export function tableCells(result: CdnSimulationResult): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const row of tierRows(result)) {
    cells[`${row.key}-requests`] = formatCount(row.requests);
    cells[`${row.key}-hits`] = formatCount(row.hits);
    cells[`${row.key}-collapsed`] = formatCount(row.collapsed);
    cells[`${row.key}-upstream`] = formatCount(row.upstream);
    cells[`${row.key}-hitRatio`] = formatPercent(row.hitRatio);
  }
  return cells;
}

/** The origin's requests in each second, as chart points (the second's middle, the count). */
export function originSeries(result: CdnSimulationResult): [number, number][] {
  return result.originPerSecond.map((count, second) => [second + 0.5, count]);
}

/** The top of the chart's y axis: a little above the busiest second, and at least 10. */
export function chartTop(result: CdnSimulationResult): number {
  return Math.max(10, Math.ceil((Math.max(...result.originPerSecond) * 1.1) / 10) * 10);
}

/** One sentence on the run, for the chart's description. */
export function describeRun(result: CdnSimulationResult): string {
  const { pops, ttlSeconds, tiering, collapsing } = result.settings;
  const busiest = Math.max(...result.originPerSecond);
  const lastQuarter = result.originPerSecond.slice(-Math.floor(CDN_SCENARIO.durationSeconds / 4));
  const late = lastQuarter.reduce((a, b) => a + b, 0) / lastQuarter.length;
  return (
    `Origin requests per second over ${CDN_SCENARIO.durationSeconds} s from cold caches, with ${formatCount(pops)} ${pops === 1 ? 'PoP' : 'PoPs'}, ` +
    `a TTL of ${formatCount(ttlSeconds)} s, tiering ${tiering ? 'on' : 'off'} and collapsing ${collapsing ? 'on' : 'off'}: ` +
    `${formatCount(result.originRequests)} in all, ${formatCount(busiest)} in the busiest second, about ${late.toFixed(0)} per second in the last ${lastQuarter.length} s.`
  );
}
