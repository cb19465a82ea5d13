import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY_FORM, readCapacityForm } from './capacity-form';

describe('readCapacityForm', () => {
  it('plans the default workload: 2000 req/s at 50 ms and 70 %', () => {
    const result = readCapacityForm(DEFAULT_CAPACITY_FORM);
    expect(result).toEqual({
      ok: true,
      plan: { inService: 100, minServers: 101, recommendedServers: 143, utilization: 2000 / (143 * 20) },
    });
  });

  it.each([
    ['arrivalRate', '', /empty/],
    ['arrivalRate', 'abc', /must be a number/],
    ['arrivalRate', '-3', /cannot be negative/],
    ['serviceTimeMs', '0', /more than 0 ms/],
    ['serviceTimeMs', 'Infinity', /must be a number/],
    ['targetPercent', '100', /between 0 and 100/],
    ['targetPercent', '0', /between 0 and 100/],
  ] as const)('rejects %s = %j with a message for that field', (field, value, message) => {
    const result = readCapacityForm({ ...DEFAULT_CAPACITY_FORM, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field]).toMatch(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('reports every bad field at once', () => {
    const result = readCapacityForm({ arrivalRate: 'x', serviceTimeMs: '-1', targetPercent: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['arrivalRate', 'serviceTimeMs', 'targetPercent']);
  });

  it('explains a workload too large to count instead of looping or returning NaN', () => {
    const result = readCapacityForm({ arrivalRate: '1e300', serviceTimeMs: '1e300', targetPercent: '70' });
    expect(result).toEqual({ ok: false, errors: { arrivalRate: expect.stringMatching(/more servers than can be counted/) } });
  });
});
