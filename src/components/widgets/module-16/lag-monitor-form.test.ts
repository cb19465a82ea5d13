import { describe, expect, it } from 'vitest';
import { simulateLagMonitor } from './lag-monitor';
import { DEFAULT_LAG_MONITOR_FORM, LAG_MONITOR_PRESETS, readLagMonitorForm } from './lag-monitor-form';

describe('readLagMonitorForm', () => {
  it('runs the model on the default controls: the falling-behind preset', () => {
    const result = readLagMonitorForm(DEFAULT_LAG_MONITOR_FORM);
    const input = { productionRate: 2500, hotKeyRate: 0, consumerRate: 400, consumers: 8, partitions: 6 };
    expect(result).toEqual({ ok: true, input, run: simulateLagMonitor(input) });
  });

  it('accepts every preset', () => {
    for (const preset of LAG_MONITOR_PRESETS) expect(readLagMonitorForm(preset.form).ok, preset.id).toBe(true);
  });

  it('accepts surrounding spaces and decimal rates', () => {
    const result = readLagMonitorForm({ productionRate: ' 2500.5 ', hotKeyRate: '12.5', consumerRate: '400.25', consumers: '3', partitions: '12' });
    expect(result.ok && result.input).toEqual({ productionRate: 2500.5, hotKeyRate: 12.5, consumerRate: 400.25, consumers: 3, partitions: 12 });
  });

  it.each([
    ['productionRate', '', /Production rate is empty/],
    ['productionRate', 'fast', /Production rate must be a number/],
    ['productionRate', '-1', /cannot be negative/],
    ['productionRate', '2000000', /at most 1,000,000/],
    ['hotKeyRate', '-5', /Hot key rate cannot be negative/],
    ['hotKeyRate', 'hot', /Hot key rate must be a number/],
    ['consumerRate', '0', /more than 0/],
    ['consumerRate', 'Infinity', /must be a number/],
    ['consumerRate', '1e7', /at most 1,000,000/],
    ['consumers', '0', /Consumers must be a whole number from 1 to 100/],
    ['consumers', '2.5', /Consumers must be a whole number/],
    ['consumers', '101', /from 1 to 100/],
    ['partitions', '-3', /Partitions must be a whole number from 1 to 100/],
    ['partitions', 'six', /Partitions must be a number/],
  ] as const)('rejects %s = %j with a message for that field only', (field, value, message) => {
    const result = readLagMonitorForm({ ...DEFAULT_LAG_MONITOR_FORM, [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field]).toMatch(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('reports every bad field at once', () => {
    const result = readLagMonitorForm({ productionRate: 'x', hotKeyRate: '-1', consumerRate: '-1', consumers: '', partitions: '0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['consumerRate', 'consumers', 'hotKeyRate', 'partitions', 'productionRate']);
  });
});
