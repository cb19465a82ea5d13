import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAG_MONITOR_SCENARIO, assignPartitions, formatDrainTime, simulateLagMonitor, type LagMonitorInput } from './lag-monitor';

const fallingBehind: LagMonitorInput = { productionRate: 2500, hotKeyRate: 0, consumerRate: 400, consumers: 8, partitions: 6 };
const keepingPace: LagMonitorInput = { productionRate: 2400, hotKeyRate: 0, consumerRate: 400, consumers: 6, partitions: 6 };
const catchingUp: LagMonitorInput = { productionRate: 2500, hotKeyRate: 0, consumerRate: 400, consumers: 8, partitions: 8 };
const uneven: LagMonitorInput = { productionRate: 2500, hotKeyRate: 0, consumerRate: 700, consumers: 4, partitions: 6 };
const hotKey: LagMonitorInput = { productionRate: 2400, hotKeyRate: 300, consumerRate: 500, consumers: 6, partitions: 6 };

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
    // 500 000 over 6 partitions is 83 333.3 each; offsets are whole numbers per partition.
    expect(run.points[0]).toEqual({ timeS: 0, produced: 500_000, consumed: 2, lag: 499_998, partitionLags: Array(6).fill(83_333) });
    expect(run.lag).toBe(559_998);
    expect(run.alert).toBe('growing');
    expect(run.alertPartitions).toEqual([0, 1, 2, 3, 4, 5]);
    expect(run.totalGrowing).toBe(true);
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeping pace: the lag holds at the backlog, which is a warning and never drains', () => {
    const run = simulateLagMonitor(keepingPace);
    expect(new Set(run.points.map((p) => p.lag))).toEqual(new Set([499_998]));
    // 83 333 per partition is above the warning level of 50 000 for one partition.
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
    expect(run.lag).toBe(493_332);
    expect(run.alert).toBe('growing');
    // Partitions 0–3 belong to the two consumers with two partitions each; 4 and 5 have drained.
    expect(run.alertPartitions).toEqual([0, 1, 2, 3]);
    expect(run.points.at(-1)!.partitionLags).toEqual([123_333, 123_333, 123_333, 123_333, 0, 0]);
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('hot key: partition 0 keeps growing while the total falls, and the group is judged by partition 0', () => {
    const run = simulateLagMonitor(hotKey);
    // Partition 0 receives 400 + 300 = 700/s for a consumer of 500/s; the others 400/s each.
    expect(run.points.at(-1)!.partitionLags).toEqual([203_333, 23_333, 23_333, 23_333, 23_333, 23_333]);
    expect(run.points.at(-1)!.lag).toBeLessThan(run.points[0]!.lag);
    expect(run.totalGrowing).toBe(false);
    expect(run.alert).toBe('growing');
    expect(run.alertPartitions).toEqual([0]);
    expect([run.largestPartition, run.smallestPartition]).toEqual([0, 1]);
    expect(run.timeToDrainS).toBe(Number.POSITIVE_INFINITY);
  });

  it('a consumer shares its rate between its busy partitions and gives an empty one only what arrives', () => {
    // Consumer 0 owns partitions 0 (100 + 300 = 400/s) and 1 (100/s) and reads 500/s: 250 each, so
    // partition 0 gains 150/s and partition 1 empties after 83 333 / 150 ≈ 556 s; from then on
    // partition 1 needs only its 100/s and partition 0 gets 400/s, exactly what arrives.
    const run = simulateLagMonitor({ productionRate: 600, hotKeyRate: 300, consumerRate: 500, consumers: 3, partitions: 6 });
    const at = (timeS: number) => run.points.find((p) => p.timeS === timeS)!.partitionLags;
    const start = 500_000 / 6;
    expect(at(300)[0]).toBe(Math.round(start + 150 * 300));
    expect(at(300)[1]).toBe(Math.round(start - 150 * 300));
    expect(at(550)[0]).toBe(Math.round(start + 150 * 550));
    expect(at(560)[1]).toBe(0);
    expect(at(600)[0]).toBe(Math.round(2 * start));
    expect(at(600)[1]).toBe(0);
    // Partitions 2 and 3 (100/s each) share their consumer's 500/s and drain at 150/s each.
    expect(at(300)[2]).toBe(Math.round(start - 150 * 300));
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
      hotKeyRate: fc.integer({ min: 0, max: 100_000 }),
      consumerRate: fc.integer({ min: 1, max: 1_000_000 }),
      consumers: fc.integer({ min: 1, max: 100 }),
      partitions: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(input, (controls) => {
        const { points, lag, timeToDrainS } = simulateLagMonitor(controls);
        points.forEach((p, i) => {
          expect(p.lag).toBe(p.produced - p.consumed);
          expect(p.lag).toBe(p.partitionLags.reduce((sum, l) => sum + l, 0));
          expect(Math.min(...p.partitionLags)).toBeGreaterThanOrEqual(0);
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
    expect(() => simulateLagMonitor({ ...fallingBehind, hotKeyRate: Number.NaN })).toThrow(/hotKeyRate/);
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
