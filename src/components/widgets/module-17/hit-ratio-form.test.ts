import { describe, expect, it } from 'vitest';
import { DEFAULT_HIT_RATIO } from './hit-ratio-explorer';
import { DEFAULT_HIT_RATIO_FORM, readHitRatioForm } from './hit-ratio-form';

describe('readHitRatioForm', () => {
  it('reads the default form as the default settings', () => {
    expect(readHitRatioForm(DEFAULT_HIT_RATIO_FORM)).toEqual({ ok: true, settings: DEFAULT_HIT_RATIO });
  });

  it('reads a policy and numbers with spaces around them', () => {
    const result = readHitRatioForm({ keys: ' 5000 ', capacity: '250', exponent: '1.1', samples: '10', policy: 'sampled-lru' });
    expect(result).toEqual({ ok: true, settings: { keys: 5000, capacity: 250, exponent: 1.1, samples: 10, policy: 'sampled-lru' } });
  });

  it('explains each bad field in words, and never lets NaN through', () => {
    const result = readHitRatioForm({ keys: '5', capacity: 'lots', exponent: '-1', samples: '65', policy: 'mru' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.keys).toMatch(/Keys must be a whole number from 10 to 50,000/);
    expect(result.errors.capacity).toMatch(/Cache size must be a number/);
    expect(result.errors.exponent).toMatch(/Zipf exponent must be from 0/);
    expect(result.errors.samples).toMatch(/Samples must be a whole number from 1 to 64/);
    expect(result.errors.policy).toMatch(/Policy must be one of/);
  });

  it('refuses a cache larger than the key space, and empty fields', () => {
    const big = readHitRatioForm({ ...DEFAULT_HIT_RATIO_FORM, capacity: '1001' });
    expect(big.ok ? undefined : big.errors.capacity).toMatch(/at most the number of keys \(1,000\)/);
    const empty = readHitRatioForm({ ...DEFAULT_HIT_RATIO_FORM, exponent: '' });
    expect(empty.ok ? undefined : empty.errors.exponent).toMatch(/empty/);
    const fraction = readHitRatioForm({ ...DEFAULT_HIT_RATIO_FORM, capacity: '10.5' });
    expect(fraction.ok ? undefined : fraction.errors.capacity).toMatch(/whole number/);
  });
});
