import { describe, expect, it } from 'vitest';
import { DEFAULT_METASTABLE, simulateMetastable } from '../../../models/module-16/retries/metastable';
import {
  comparisonMode,
  DEFAULT_METASTABLE_FORM,
  describeTrigger,
  formatRate,
  readMetastableForm,
  simulatePair,
  verdict,
  visibleFields,
} from './metastable-simulator';

describe('readMetastableForm', () => {
  it('reads the default form as the model’s default scenario', () => {
    expect(readMetastableForm(DEFAULT_METASTABLE_FORM)).toEqual({ ok: true, settings: DEFAULT_METASTABLE });
  });

  it('builds a slowdown trigger from the percentage of capacity lost', () => {
    const result = readMetastableForm({ ...DEFAULT_METASTABLE_FORM, triggerKind: 'slowdown', capacityLostPercent: '40', triggerLength: '20' });
    expect(result.ok && result.settings.trigger).toEqual({ kind: 'slowdown', capacityLost: 0.4, startS: 30, durationS: 20 });
  });

  it('reads the selects for the retry policy and the attempts', () => {
    const result = readMetastableForm({ ...DEFAULT_METASTABLE_FORM, retry: 'immediate', maxAttempts: '5' });
    expect(result.ok && [result.settings.retry, result.settings.maxAttempts]).toEqual(['immediate', 5]);
  });

  it('explains each bad field in words, and never passes NaN on', () => {
    const result = readMetastableForm({ ...DEFAULT_METASTABLE_FORM, capacity: 'lots', offeredLoad: '-1', timeout: '', triggerLength: '91' });
    expect(result).toEqual({
      ok: false,
      errors: {
        capacity: 'Capacity must be a number, like 100.',
        offeredLoad: 'Offered load must be from 0 to 200 requests/s.',
        timeout: 'Client timeout is empty: enter a number.',
        triggerLength: 'Length of the trigger must be from 1 to 90 s.',
      },
    });
  });

  it('checks only the trigger field that is shown', () => {
    expect(visibleFields('spike')).toContain('extraLoad');
    expect(visibleFields('spike')).not.toContain('capacityLostPercent');
    expect(readMetastableForm({ ...DEFAULT_METASTABLE_FORM, capacityLostPercent: 'x' }).ok).toBe(true);
    expect(readMetastableForm({ ...DEFAULT_METASTABLE_FORM, triggerKind: 'slowdown', capacityLostPercent: '100' })).toEqual({
      ok: false,
      errors: { capacityLostPercent: 'Capacity lost must be from 1 to 99 %.' },
    });
  });
});

describe('simulatePair', () => {
  it('compares a policy without a budget with the retry budget, and the budget with plain backoff', () => {
    expect(comparisonMode('none')).toBe('throttled');
    expect(comparisonMode('immediate')).toBe('throttled');
    expect(comparisonMode('backoff')).toBe('throttled');
    expect(comparisonMode('throttled')).toBe('backoff');
  });

  it('runs the model on the same scenario for both policies', () => {
    const { chosen, other } = simulatePair(DEFAULT_METASTABLE);
    expect(chosen).toMatchObject({ mode: 'backoff', label: 'Backoff with jitter' });
    expect(other).toMatchObject({ mode: 'throttled', label: 'Backoff with jitter and a retry budget' });
    expect(chosen.run).toEqual(simulateMetastable(DEFAULT_METASTABLE));
    expect(other.run).toEqual(simulateMetastable({ ...DEFAULT_METASTABLE, retry: 'throttled' }));
    // The default picture: down for good without the budget, back up with it.
    expect(verdict(chosen.run)).toBe('Still down');
    expect(verdict(other.run)).toBe('Recovered');
  });
});

describe('formatting', () => {
  it('shows rates to one decimal', () => {
    expect(formatRate(68.93333)).toBe('68.9');
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(71)).toBe('71.0');
  });

  it('describes both kinds of trigger', () => {
    expect(describeTrigger(DEFAULT_METASTABLE.trigger)).toBe('a spike of 60 extra requests/s from 30 to 40 s');
    expect(describeTrigger({ kind: 'slowdown', capacityLost: 0.25, startS: 30, durationS: 5 })).toBe('a slowdown to 75% of capacity from 30 to 35 s');
  });
});
