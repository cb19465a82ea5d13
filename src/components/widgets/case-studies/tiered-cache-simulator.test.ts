import { describe, expect, it } from 'vitest';
import { CDN_SCENARIO, DEFAULT_CDN_SETTINGS, simulateCdn } from '../../../models/case-studies/tiered-cache/cdn-simulation';
import { chartTop, describeRun, formatCount, formatPercent, headline, originSeries, tableCells, tierRows } from './tiered-cache-simulator';

const tiered = simulateCdn(DEFAULT_CDN_SETTINGS);
const flat = simulateCdn({ ...DEFAULT_CDN_SETTINGS, tiering: false });

describe('the tiered-cache simulator’s view', () => {
  it('writes counts with separators and shares with one decimal', () => {
    expect(formatCount(71658)).toBe('71,658');
    expect(formatPercent(0.94726)).toBe('94.7%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('has a row per tier: two with tiering, one without', () => {
    expect(tierRows(tiered).map((r) => r.key)).toEqual(['lower', 'upper']);
    expect(tierRows(flat).map((r) => r.key)).toEqual(['lower']);
    const [lower] = tierRows(tiered);
    expect(lower!.hitRatio).toBeCloseTo(tiered.lower.hits / tiered.lower.requests, 12);
  });

  it('writes the headline numbers from the run', () => {
    const h = headline(tiered);
    expect(h.originRequests).toBe(formatCount(tiered.originRequests));
    expect(h.offload).toBe(formatPercent(1 - tiered.originRequests / tiered.lower.requests));
    expect(h.hottestOriginRequests).toBe(formatCount(tiered.hottestOriginRequests));
  });

  it('keys every table cell by tier and measure', () => {
    expect(Object.keys(tableCells(tiered))).toHaveLength(10);
    expect(tableCells(flat)['lower-hitRatio']).toBe(formatPercent(flat.lower.hits / flat.lower.requests));
    expect(tableCells(flat)['upper-hits']).toBeUndefined();
  });

  it('charts one point per second, under a top that clears the busiest second', () => {
    const series = originSeries(tiered);
    expect(series).toHaveLength(CDN_SCENARIO.durationSeconds);
    expect(series[0]).toEqual([0.5, tiered.originPerSecond[0]]);
    expect(chartTop(tiered)).toBeGreaterThan(Math.max(...tiered.originPerSecond));
    expect(chartTop(tiered) % 10).toBe(0);
  });

  it('describes the run in a sentence with its settings and totals', () => {
    const text = describeRun(flat);
    expect(text).toContain('12 PoPs');
    expect(text).toContain('tiering off and collapsing on');
    expect(text).toContain(`${formatCount(flat.originRequests)} in all`);
  });
});
