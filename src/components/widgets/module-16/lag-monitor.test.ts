import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAG_MONITOR_SCENARIO, assignPartitions, formatDrainTime, simulateLagMonitor, type LagMonitorInput } from './lag-monitor';

const fallingBehind: LagMonitorInput = { productionRate: 2500, consumerRate: 400, consumers: 8, partitions: 6 };
const keepingPace: LagMonitorInput = { productionRate: 2400, consumerRate: 400, consumers: 6, partitions: 6 };
const catchingUp: LagMonitorInput = { productionRate: 2500, consumerRate: 400, consumers: 8, partitions: 8 };
const uneven: LagMonitorInput = { productionRate: 2500, consumerRate: 700, consumers: 4, partitions: 6 };

describe('assignPartitions', () => {
  it('deals partitions out in consecutive runs, the first consumers taking the remainder', () => {
    expect(assignPartitions(4, 6)).toEqual([[0, 1], [2, 3], [4], [5]]);
    expect(assignPartitions(8, 6)).toEqual([[0], [1], [2], [3], [4], [5], [], []]);
    expect(assignPartitions(1, 3)).toEqual([[0, 1, 2]]);
  });

  it('gives every partition to exactly one consumer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), (consumers, partitions) => {
        const owned = assignPartitions(consumers, partitions);
        expect(owned).toHaveLength(consumers);
        expect(owned.flat()).toEqual(Array.from({ length: partitions }, (_, i) => i));
        const sizes = owned.map((o) => o.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { seed: 20261126, numRuns: 200 },
    );
  });

  it('rejects counts below 1 with the lab model\'s RangeError', () => {
    expect(() => assignPartitions(0, 6)).toThrow(RangeError);
    expect(() => assignPartitions(2, 0)).toThrow(/partitions/);
  });
});

describe('simulateLagMonitor', () => {
  it('falling behind: 2 of 8 consumers idle, 2 400/s of capacity for 2 500/s, lag grows by 100/s', () => {
    const run = simulateLagMonitor(fallingBehind);
    expect(run.assignment).toEqual({ active: 6, idle: 2, maxPartitionsPerConsumer: 1 });
    expect(run.capacity).toBe(2400);
    expect(run.points).toHaveLength(61);
    expect(run.points[0]).toEqual({ timeS: 0, produced: 500_000, consumed: 0, lag: 500_000 });
    expect(run.lag).toBe(560_000);
    expect(run.alert).toBe('growing');
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeping pace: the lag holds at the backlog, which is a warning and never drains', () => {
    const run = simulateLagMonitor(keepingPace);
    expect(new Set(run.points.map((p) => p.lag))).toEqual(new Set([500_000]));
    expect(run.alert).toBe('warning');
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('catching up: 8 consumers on 8 partitions drain 700/s, ending at 80 000 with 114 s to go', () => {
    const run = simulateLagMonitor(catchingUp);
    expect(run.lag).toBe(80_000);
    expect(run.alert).toBe('ok');
    expect(run.timeToDrainS).toBeCloseTo(10_000 / 87.5, 9);
  });

  it('uneven partitions: 2 800/s of capacity for 2 500/s, yet the consumers with two partitions never catch up', () => {
    const run = simulateLagMonitor(uneven);
    expect(run.capacity).toBe(2800);
    expect(run.assignment.maxPartitionsPerConsumer).toBe(2);
    expect(run.lag).toBe(493_333);
    expect(run.alert).toBe('growing');
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('drains exactly when it says it will', () => {
    const drain = simulateLagMonitor(catchingUp).timeToDrainS;
    const later = (extraS: number) => simulateLagMonitor(catchingUp, { ...LAG_MONITOR_SCENARIO, stepS: 1, durationS: 600 + extraS }).lag;
    expect(later(Math.ceil(drain))).toBe(0);
    expect(later(Math.floor(drain) - 1)).toBeGreaterThan(0);
  });

  it('keeps offsets consistent for any controls: produced and consumed never fall, lag = produced − consumed >= 0', () => {
    const input = fc.record({
      productionRate: fc.integer({ min: 0, max: 1_000_000 }),
      consumerRate: fc.integer({ min: 1, max: 1_000_000 }),
      consumers: fc.integer({ min: 1, max: 100 }),
      partitions: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(input, (controls) => {
        const { points, lag, timeToDrainS } = simulateLagMonitor(controls);
        points.forEach((p, i) => {
          expect(p.lag).toBe(p.produced - p.consumed);
          expect(p.lag).toBeGreaterThanOrEqual(0);
          if (i > 0) {
            expect(p.produced).toBeGreaterThanOrEqual(points[i - 1]!.produced);
            expect(p.consumed).toBeGreaterThanOrEqual(points[i - 1]!.consumed);
          }
        });
        expect(timeToDrainS).toBeGreaterThanOrEqual(0);
        if (lag === 0) expect(timeToDrainS).toBeLessThan(1);
      }),
      { seed: 20261126, numRuns: 200 },
    );
  });

  it('rejects bad controls with a RangeError naming the field', () => {
    expect(() => simulateLagMonitor({ ...fallingBehind, productionRate: -1 })).toThrow(/productionRate/);
    expect(() => simulateLagMonitor({ ...fallingBehind, consumerRate: 0 })).toThrow(/consumerRate/);
    expect(() => simulateLagMonitor({ ...fallingBehind, consumers: 1.5 })).toThrow(/consumers/);
    expect(() => simulateLagMonitor({ ...fallingBehind, partitions: Number.NaN })).toThrow(/partitions/);
    expect(() => simulateLagMonitor(fallingBehind, { ...LAG_MONITOR_SCENARIO, stepS: 7 })).toThrow(/durationS \/ stepS/);
  });
});

describe('formatDrainTime', () => {
  it.each([
    [Number.POSITIVE_INFINITY, 'never at these rates'],
    [0, 'none: caught up'],
    [0.2, '1 s'],
    [45, '45 s'],
    [114.2857, '1 min 55 s'],
    [120, '2 min'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
  ])('formats %d s as "%s"', (seconds, text) => {
    expect(formatDrainTime(seconds)).toBe(text);
  });

  it('rejects a negative or NaN time', () => {
    expect(() => formatDrainTime(-1)).toThrow(RangeError);
    expect(() => formatDrainTime(Number.NaN)).toThrow(RangeError);
  });
});
