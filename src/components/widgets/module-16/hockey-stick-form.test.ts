import { describe, expect, it } from 'vitest';
import { DEFAULT_HOCKEY_STICK } from './hockey-stick';
import { DEFAULT_HOCKEY_STICK_FORM, readHockeyStickForm } from './hockey-stick-form';

describe('readHockeyStickForm', () => {
  it('reads the default form as the default settings', () => {
    expect(readHockeyStickForm(DEFAULT_HOCKEY_STICK_FORM)).toEqual({ ok: true, settings: DEFAULT_HOCKEY_STICK });
  });

  it.each([
    ['servers', '', /empty/],
    ['servers', 'ten', /must be a number/],
    ['servers', '0', /whole number from 1 to 1000/],
    ['servers', '2.5', /whole number/],
    ['servers', '1001', /from 1 to 1000/],
    ['arrivalScv', '-1', /must be 0 .* or from 0.1 to 16/],
    ['arrivalScv', '0.05', /from 0.1 to 16/],
    ['serviceScv', '17', /from 0.1 to 16/],
    ['serviceScv', 'Infinity', /must be a number/],
    ['utilizationPercent', '100', /from 1 to 99/],
  ] as const)('rejects %s = %j with a message for that field', (field, value, message) => {
    const result = readHockeyStickForm({ ...DEFAULT_HOCKEY_STICK_FORM, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field]).toMatch(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('accepts constant times (scv 0) and the limits', () => {
    const result = readHockeyStickForm({ servers: '1000', arrivalScv: '0', serviceScv: '16', utilizationPercent: '99' });
    expect(result).toEqual({ ok: true, settings: { servers: 1000, arrivalScv: 0, serviceScv: 16, utilization: 0.99 } });
  });
});
