import { describe, expect, it } from 'vitest';
import { DEFAULT_CDN_SETTINGS } from '../../../models/case-studies/tiered-cache/cdn-simulation';
import { DEFAULT_TIERED_CACHE_FORM, readTieredCacheForm } from './tiered-cache-form';

describe('readTieredCacheForm', () => {
  it('reads the default form as the simulation’s default settings', () => {
    expect(readTieredCacheForm(DEFAULT_TIERED_CACHE_FORM)).toEqual({ ok: true, settings: DEFAULT_CDN_SETTINGS });
  });

  it('passes the switches through and accepts surrounding spaces', () => {
    const result = readTieredCacheForm({ pops: ' 30 ', zipfAlpha: '1.25', ttlSeconds: '3600', tiering: false, collapsing: false });
    expect(result).toEqual({ ok: true, settings: { pops: 30, zipfAlpha: 1.25, ttlSeconds: 3600, tiering: false, collapsing: false } });
  });

  it.each([
    ['pops', '', /Points of presence is empty/],
    ['pops', '0', /whole number from 1 to 50/],
    ['pops', '51', /from 1 to 50/],
    ['pops', '2.5', /whole number/],
    ['pops', 'many', /must be a number/],
    ['zipfAlpha', '-0.5', /from 0 to 2/],
    ['zipfAlpha', '2.01', /from 0 to 2/],
    ['zipfAlpha', 'NaN', /must be a number/],
    ['ttlSeconds', '0', /whole number of seconds from 1 to 3,600/],
    ['ttlSeconds', '1.5', /whole number of seconds/],
    ['ttlSeconds', '3601', /from 1 to 3,600/],
  ] as const)('rejects %s = %j with a message for that field only', (field, value, message) => {
    const result = readTieredCacheForm({ ...DEFAULT_TIERED_CACHE_FORM, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field]).toMatch(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('reports every bad field at once', () => {
    const result = readTieredCacheForm({ ...DEFAULT_TIERED_CACHE_FORM, pops: '0', ttlSeconds: '' });
    expect(result.ok || Object.keys(result.errors).sort()).toEqual(['pops', 'ttlSeconds']);
  });
});
