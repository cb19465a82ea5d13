import { describe, expect, it } from 'vitest';
import { chartDescription, DEFAULT_STAMPEDE, formatCount, formatSeconds, stampedeView } from './stampede-simulator';
import { DEFAULT_STAMPEDE_FORM, MAX_REQUESTS, readStampedeForm } from './stampede-simulator-form';

describe('stampedeView', () => {
  it("shows the chosen strategy's run, every strategy, and a y axis above both peaks", () => {
    const view = stampedeView({ ...DEFAULT_STAMPEDE, strategy: 'xfetch' });
    expect(view.run.settings.strategy).toBe('xfetch');
    expect(view.compare).toHaveLength(7);
    expect(view.compare[3]).toEqual(view.run);
    expect(view.baseline.settings.strategy).toBe('none');
    expect(view.yMax).toBeGreaterThanOrEqual(Math.max(view.run.peakLoads, view.baseline.peakLoads));
  });

  it('describes the chart in words with its numbers', () => {
    const view = stampedeView(DEFAULT_STAMPEDE);
    expect(chartDescription(view)).toContain(`${formatCount(view.run.loads)} database queries in ${formatSeconds(view.run.seconds)}`);
    expect(chartDescription(stampedeView({ ...DEFAULT_STAMPEDE, strategy: 'mutex' }))).toContain('Without protection');
  });
});

describe('readStampedeForm', () => {
  it('reads the defaults', () => {
    expect(readStampedeForm(DEFAULT_STAMPEDE_FORM)).toEqual({ ok: true, settings: DEFAULT_STAMPEDE });
  });

  it('explains each bad field in words, and never passes NaN on', () => {
    const result = readStampedeForm({ ...DEFAULT_STAMPEDE_FORM, clients: '2.5', ttl: 'soon', recomputeTime: '', beta: '0', strategy: 'lock' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.clients).toMatch(/whole number/);
    expect(result.errors.ttl).toMatch(/must be a number/);
    expect(result.errors.recomputeTime).toMatch(/empty/);
    expect(result.errors.beta).toMatch(/from 0.1 to 10/);
    expect(result.errors.strategy).toMatch(/Choose/);
  });

  it(`refuses a run of more than ${MAX_REQUESTS} requests, on the request rate`, () => {
    const result = readStampedeForm({ ...DEFAULT_STAMPEDE_FORM, requestRate: '10000', ttl: '100' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.requestRate).toMatch(/requests/);
  });
});
