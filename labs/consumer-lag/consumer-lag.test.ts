// Autograder for the consumer-lag lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade consumer-lag
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectClose, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import {
  classifyGroup,
  classifyLag,
  consumerAssignment,
  partitionLag,
  timeToDrain,
  totalLag,
  type AlertPolicy,
  type ConsumerAssignment,
  type LagSample,
  type PartitionSeries,
} from './consumer-lag';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300 } as const;

const minute = 60_000;

/** Warn at 1 000, page at 10 000, and call five minutes of uninterrupted growth "growing". */
const policy: AlertPolicy = { warningLag: 1_000, criticalLag: 10_000, windowMs: 5 * minute };

/** Samples one minute apart, starting at time 0. */
function everyMinute(lags: readonly number[]): LagSample[] {
  return lags.map((lag, i) => ({ timeMs: i * minute, lag }));
}

/** Samples at the given times (in seconds) with the given lags. */
function at(seconds: readonly number[], lags: readonly number[]): LagSample[] {
  return seconds.map((s, i) => ({ timeMs: s * 1000, lag: lags[i]! }));
}

function describeSeries(samples: readonly LagSample[]): string {
  return `[${samples.map((s) => `${s.timeMs / 1000}s: ${s.lag}`).join(', ')}]`;
}

function expectAlert(samples: readonly LagSample[], want: string, why = ''): void {
  expectExactly(`classifyLag(${describeSeries(samples)}, policy)${why ? `, where ${why},` : ''}`, classifyLag(samples, policy), want);
}

function expectAssignment(consumers: number, partitions: number, want: ConsumerAssignment): void {
  const got = consumerAssignment(consumers, partitions);
  const what = `consumerAssignment(${consumers}, ${partitions})`;
  expectExactly(`${what}.active`, got.active, want.active);
  expectExactly(`${what}.idle`, got.idle, want.idle);
  expectExactly(`${what}.maxPartitionsPerConsumer`, got.maxPartitionsPerConsumer, want.maxPartitionsPerConsumer);
}

describe('partitionLag', () => {
  it('is the log-end offset minus the committed offset (14 950 − 14 891 = 59)', () => {
    expectExactly('partitionLag({ partition: 1, logEndOffset: 14950, committedOffset: 14891 })', partitionLag({ partition: 1, logEndOffset: 14950, committedOffset: 14891 }), 59);
    expectExactly('partitionLag({ partition: 0, logEndOffset: 15240, committedOffset: 15234 })', partitionLag({ partition: 0, logEndOffset: 15240, committedOffset: 15234 }), 6);
    expectExactly('partitionLag({ partition: 3, logEndOffset: 42, committedOffset: 0 })', partitionLag({ partition: 3, logEndOffset: 42, committedOffset: 0 }), 42);
    expectExactly('partitionLag of a partition read to the end (both offsets 500)', partitionLag({ partition: 2, logEndOffset: 500, committedOffset: 500 }), 0);
    expectExactly(
      'partitionLag({ partition: 0, logEndOffset: 2 ** 53 - 1, committedOffset: 2 ** 53 - 10 }), at the largest offset a number holds exactly,',
      partitionLag({ partition: 0, logEndOffset: Number.MAX_SAFE_INTEGER, committedOffset: Number.MAX_SAFE_INTEGER - 9 }),
      9,
    );
  });

  it('is 0 when the committed offset is beyond the log-end offset (the two were read at different moments), as Burrow counts it', () => {
    expectExactly(
      'partitionLag({ partition: 0, logEndOffset: 100, committedOffset: 101 }), where the commit was read after the log end,',
      partitionLag({ partition: 0, logEndOffset: 100, committedOffset: 101 }),
      0,
    );
    expectExactly('partitionLag({ partition: 2, logEndOffset: 8150, committedOffset: 8200 })', partitionLag({ partition: 2, logEndOffset: 8150, committedOffset: 8200 }), 0);
    expectExactly('partitionLag({ partition: 5, logEndOffset: 0, committedOffset: 3 })', partitionLag({ partition: 5, logEndOffset: 0, committedOffset: 3 }), 0);
  });

  it('rejects a negative, fractional, NaN or inexact offset and a bad partition number, naming the field', () => {
    expectRangeError('partitionLag({ partition: 0, logEndOffset: 10, committedOffset: -1 })', () => partitionLag({ partition: 0, logEndOffset: 10, committedOffset: -1 }), 'committedOffset');
    expectRangeError('partitionLag({ partition: 0, logEndOffset: 10.5, committedOffset: 3 })', () => partitionLag({ partition: 0, logEndOffset: 10.5, committedOffset: 3 }), 'logEndOffset');
    expectRangeError('partitionLag({ partition: 0, logEndOffset: NaN, committedOffset: 3 })', () => partitionLag({ partition: 0, logEndOffset: Number.NaN, committedOffset: 3 }), 'logEndOffset');
    expectRangeError(
      'partitionLag({ partition: 0, logEndOffset: 2 ** 53, committedOffset: 0 }), an offset a JavaScript number cannot hold exactly,',
      () => partitionLag({ partition: 0, logEndOffset: 2 ** 53, committedOffset: 0 }),
      'logEndOffset',
    );
    expectRangeError('partitionLag({ partition: -1, logEndOffset: 10, committedOffset: 3 })', () => partitionLag({ partition: -1, logEndOffset: 10, committedOffset: 3 }), 'partition');
    expectRangeError('partitionLag({ partition: 1.5, logEndOffset: 10, committedOffset: 3 })', () => partitionLag({ partition: 1.5, logEndOffset: 10, committedOffset: 3 }), 'partition');
  });
});

describe('totalLag', () => {
  it('adds up the lag of every partition (6 + 59 + 0 = 65), and is 0 for no partitions', () => {
    const partitions = [
      { partition: 0, logEndOffset: 15240, committedOffset: 15234 },
      { partition: 1, logEndOffset: 14950, committedOffset: 14891 },
      { partition: 2, logEndOffset: 15002, committedOffset: 15002 },
    ];
    expectExactly('totalLag of partitions 0, 1 and 2 with lags 6, 59 and 0', totalLag(partitions), 65);
    expectExactly('totalLag([])', totalLag([]), 0);
  });

  it('rejects a partition listed twice with a RangeError about the duplicate, instead of counting its lag twice', () => {
    expectRangeError(
      'totalLag with partition 0 listed twice',
      () =>
        totalLag([
          { partition: 0, logEndOffset: 100, committedOffset: 90 },
          { partition: 1, logEndOffset: 50, committedOffset: 50 },
          { partition: 0, logEndOffset: 100, committedOffset: 90 },
        ]),
      'duplicate',
    );
    expectRangeError(
      'totalLag with partition 4 listed twice, with different offsets',
      () =>
        totalLag([
          { partition: 4, logEndOffset: 100, committedOffset: 90 },
          { partition: 4, logEndOffset: 120, committedOffset: 95 },
        ]),
      'duplicate',
    );
  });

  it('checks every entry as partitionLag does, naming the bad field', () => {
    expectRangeError(
      'totalLag where the second entry has committedOffset -1',
      () =>
        totalLag([
          { partition: 0, logEndOffset: 100, committedOffset: 90 },
          { partition: 1, logEndOffset: 10, committedOffset: -1 },
        ]),
      'committedOffset',
    );
    expectRangeError(
      'totalLag where the third entry has partition -1',
      () =>
        totalLag([
          { partition: 0, logEndOffset: 100, committedOffset: 90 },
          { partition: 1, logEndOffset: 10, committedOffset: 10 },
          { partition: -1, logEndOffset: 10, committedOffset: 2 },
        ]),
      'partition',
    );
  });

  it('counts a commit beyond the log end as 0, not as a negative lag that cancels another partition’s', () => {
    const partitions = [
      { partition: 0, logEndOffset: 1_000, committedOffset: 900 },
      { partition: 1, logEndOffset: 500, committedOffset: 530 },
    ];
    expectExactly('totalLag of partition 0 (100 behind) and partition 1 (commit 30 past the log end)', totalLag(partitions), 100);
  });

  it('equals the sum of the partition lags whatever their order, and is never negative', () => {
    const entry = fc.record({
      partition: fc.nat({ max: 10_000 }),
      committedOffset: fc.nat({ max: 2 ** 40 }),
      // Negative: the commit was read past the log end, by up to 1 000 offsets.
      behind: fc.integer({ min: -1_000, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.partition, maxLength: 40 }), (entries) => {
        const partitions = entries.map(({ partition, committedOffset, behind }) => ({ partition, logEndOffset: Math.max(0, committedOffset + behind), committedOffset }));
        const want = partitions.reduce((sum, p) => sum + Math.max(0, p.logEndOffset - p.committedOffset), 0);
        const got = totalLag(partitions);
        const reversed = totalLag([...partitions].reverse());
        const what = `totalLag of ${JSON.stringify(partitions)}`;
        if (got !== want) throw new Error(`${what} should be ${want}, the sum of log-end − committed over the partitions, but it was ${got}`);
        if (reversed !== want) throw new Error(`${what} in reverse order should still be ${want}, but it was ${reversed}`);
      }),
      property,
    );
  });
});

describe('classifyLag', () => {
  it('is ok while the latest lag is below warningLag and not growing', () => {
    expectAlert(everyMinute([0]), 'ok');
    expectAlert(everyMinute([500, 400, 999]), 'ok');
    expectAlert(everyMinute([999, 999, 999, 999, 999, 999, 999]), 'ok', 'the lag holds at 999 for six minutes');
  });

  it('alerts at exactly the threshold: warningLag is a warning and criticalLag is critical', () => {
    expectAlert(everyMinute([1_000]), 'warning', 'the lag is exactly warningLag (1 000)');
    expectAlert(everyMinute([1_200, 1_000]), 'warning', 'the lag falls to exactly warningLag');
    expectAlert(everyMinute([9_999]), 'warning');
    expectAlert(everyMinute([10_000]), 'critical', 'the lag is exactly criticalLag (10 000)');
    expectAlert(everyMinute([12_000, 10_001]), 'critical');
  });

  it('judges the thresholds by the latest sample, not the largest or the first', () => {
    expectAlert(everyMinute([20_000, 15_000, 5_000, 300]), 'ok', 'the group has caught up to 300');
    expectAlert(everyMinute([300, 20_000, 800]), 'ok', 'a spike has passed');
    expectAlert(everyMinute([50, 5_000]), 'warning', 'the lag has just jumped to 5 000');
  });

  it('is growing when lag rose at every sample across the whole window', () => {
    expectAlert(everyMinute([100, 200, 300, 400, 500, 600]), 'growing', 'the lag rose every minute for five minutes');
    expectAlert(at([0, 40, 300], [1, 2, 3]), 'growing', 'three uneven samples span the five minutes');
    expectAlert(everyMinute([0, 1, 2, 3, 4, 5, 6, 7]), 'growing');
  });

  it('is not growing when lag falls anywhere inside the window, even if it ends higher than it started', () => {
    expectAlert(everyMinute([100, 200, 150, 300, 400, 500]), 'ok', 'the lag dipped at minute 2');
    expectAlert(everyMinute([100, 200, 300, 400, 500, 450]), 'ok', 'the lag fell in the last minute');
  });

  it('is not growing when lag holds still for one step (growth must be strict)', () => {
    expectAlert(everyMinute([100, 200, 200, 300, 400, 500]), 'ok', 'the lag held at 200 for a minute');
    expectAlert(everyMinute([400, 400, 400, 400, 400, 400]), 'ok', 'the lag never moved');
  });

  it('is not growing until the samples cover the whole window', () => {
    expectAlert(everyMinute([100, 200, 300, 400, 500]), 'ok', 'four minutes of growth cannot show five');
    expectAlert(everyMinute([100, 200, 300, 400, 500, 600]), 'growing', 'one more minute completes the window');
    expectAlert(at([0, 299], [10, 20]), 'ok', 'the samples span 299 s of a 300 s window');
  });

  it('judges only the window, opened by the last sample at or before its start', () => {
    expectAlert(
      everyMinute([900, 100, 200, 300, 400, 500, 600]),
      'growing',
      'the window opens at minute 1 (exactly six minutes − five) and the drop from 900 came before it',
    );
    expectAlert(
      at([0, 90, 180, 270, 360], [700, 100, 200, 300, 400]),
      'ok',
      'the window starts at 60 s, so the sample at 0 s (lag 700) opens it, and 700 → 100 is a fall',
    );
  });

  it('ranks critical above growing, and growing above warning', () => {
    expectAlert(everyMinute([10_000, 11_000, 12_000, 13_000, 14_000, 15_000]), 'critical', 'the lag is both critical and growing');
    expectAlert(everyMinute([1_000, 1_100, 1_200, 1_300, 1_400, 1_500]), 'growing', 'the lag is above warningLag and growing');
  });

  it('rejects an empty series, unordered or non-finite times, a negative lag and a bad policy, naming each', () => {
    const ok = everyMinute([1, 2]);
    expectRangeError('classifyLag([], policy)', () => classifyLag([], policy), 'samples');
    expectRangeError('classifyLag with two samples at the same time', () => classifyLag(at([0, 0], [1, 2]), policy), 'timeMs');
    expectRangeError('classifyLag with samples out of order', () => classifyLag(at([60, 0], [1, 2]), policy), 'timeMs');
    expectRangeError('classifyLag with a sample at time NaN', () => classifyLag([{ timeMs: Number.NaN, lag: 1 }], policy), 'timeMs');
    expectRangeError('classifyLag with a lag of -1', () => classifyLag(everyMinute([5, -1]), policy), 'lag');
    expectRangeError('classifyLag with a lag of NaN', () => classifyLag(everyMinute([Number.NaN]), policy), 'lag');
    expectRangeError('classifyLag with warningLag 0', () => classifyLag(ok, { ...policy, warningLag: 0 }), 'warningLag');
    expectRangeError('classifyLag with warningLag NaN', () => classifyLag(ok, { ...policy, warningLag: Number.NaN }), 'warningLag');
    expectRangeError('classifyLag with criticalLag equal to warningLag', () => classifyLag(ok, { ...policy, criticalLag: 1_000 }), 'criticalLag');
    expectRangeError('classifyLag with criticalLag below warningLag', () => classifyLag(ok, { ...policy, criticalLag: 500 }), 'criticalLag');
    expectRangeError('classifyLag with windowMs 0', () => classifyLag(ok, { ...policy, windowMs: 0 }), 'windowMs');
    expectRangeError('classifyLag with windowMs Infinity', () => classifyLag(ok, { ...policy, windowMs: Number.POSITIVE_INFINITY }), 'windowMs');
  });
});

describe('classifyGroup', () => {
  /** Partitions with lag series one minute apart. */
  function group(lags: Record<number, readonly number[]>): PartitionSeries[] {
    return Object.entries(lags).map(([partition, series]) => ({ partition: Number(partition), samples: everyMinute(series) }));
  }

  function expectGroup(what: string, partitions: readonly PartitionSeries[], status: string, which: readonly number[]): void {
    const got = classifyGroup(partitions, policy);
    expectExactly(`classifyGroup(${what}).status`, got?.status, status);
    expectExactly(`classifyGroup(${what}).partitions`, JSON.stringify(got?.partitions), JSON.stringify(which));
  }

  it('is the most severe of the partitions’ alerts, with the partitions that have it', () => {
    expectGroup('partitions 0 ok, 1 warning, 2 ok', group({ 0: [10, 20], 1: [3_000, 2_000], 2: [0, 0] }), 'warning', [1]);
    expectGroup('partitions 0 critical, 1 growing', group({ 0: [20_000, 15_000], 1: [100, 200, 300, 400, 500, 600] }), 'critical', [0]);
    expectGroup('partitions 3 warning, 1 growing, 2 warning', group({ 3: [5_000, 5_000], 1: [1, 2, 3, 4, 5, 6], 2: [1_500, 1_500] }), 'growing', [1]);
    expectGroup('three partitions that are all ok', group({ 4: [0], 0: [10], 9: [999] }), 'ok', [0, 4, 9]);
  });

  it('lists every partition at the group’s status, in increasing order', () => {
    expectGroup('partitions 7, 2 and 5, of which 7 and 2 are warnings', group({ 7: [1_200], 2: [4_000], 5: [50] }), 'warning', [2, 7]);
    expectGroup('partitions 11 and 3, both critical', group({ 11: [10_000], 3: [60_000] }), 'critical', [3, 11]);
  });

  it('catches one partition that keeps growing while the total falls', () => {
    // Partition 0 gains 100 a minute; partitions 1 and 2 each drain 300 a minute.
    const lags = {
      0: [500, 600, 700, 800, 900, 1_000, 1_100],
      1: [3_000, 2_700, 2_400, 2_100, 1_800, 1_500, 1_200],
      2: [3_000, 2_700, 2_400, 2_100, 1_800, 1_500, 1_200],
    };
    const total = everyMinute(lags[0].map((lag, i) => lag + lags[1][i]! + lags[2][i]!));
    expectExactly('classifyLag of the summed lag (6 500 falling to 3 500), which hides partition 0', classifyLag(total, policy), 'warning');
    expectGroup('the same three partitions, judged one by one', group(lags), 'growing', [0]);
  });

  it('is ok with no partitions, and still checks the policy', () => {
    expectGroup('[]', [], 'ok', []);
    expectRangeError('classifyGroup([], { ...policy, warningLag: 0 })', () => classifyGroup([], { ...policy, warningLag: 0 }), 'warningLag');
  });

  it('rejects a partition listed twice or a bad partition number, and checks every series as classifyLag does', () => {
    expectRangeError('classifyGroup with partition 1 listed twice', () => classifyGroup([...group({ 1: [5] }), ...group({ 1: [6] })], policy), 'duplicate');
    expectRangeError('classifyGroup with partition -1', () => classifyGroup([{ partition: -1, samples: everyMinute([1]) }], policy), 'partition');
    expectRangeError('classifyGroup with partition 0.5', () => classifyGroup([{ partition: 0.5, samples: everyMinute([1]) }], policy), 'partition');
    expectRangeError('classifyGroup where partition 3 has no samples', () => classifyGroup([...group({ 0: [5] }), { partition: 3, samples: [] }], policy), 'samples');
    expectRangeError('classifyGroup where partition 2 has a lag of -4', () => classifyGroup(group({ 0: [5], 2: [1, -4] }), policy), 'lag');
    expectRangeError('classifyGroup with criticalLag below warningLag', () => classifyGroup(group({ 0: [5] }), { ...policy, criticalLag: 10 }), 'criticalLag');
  });

  it('for any partitions, is the most severe classifyLag result and lists exactly the partitions that have it', () => {
    const severity = ['ok', 'warning', 'growing', 'critical'];
    const series = fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ partition: fc.nat({ max: 50 }), lags: series }), { selector: (p) => p.partition, maxLength: 8 }), (entries) => {
        const partitions = entries.map(({ partition, lags }) => ({ partition, samples: everyMinute(lags) }));
        const alerts = partitions.map((p) => ({ partition: p.partition, alert: classifyLag(p.samples, policy) }));
        const worst = alerts.reduce((most, a) => Math.max(most, severity.indexOf(a.alert)), 0);
        const want = { status: severity[worst], partitions: alerts.filter((a) => a.alert === severity[worst]).map((a) => a.partition).sort((a, b) => a - b) };
        const got = classifyGroup(partitions, policy);
        if (JSON.stringify({ status: got.status, partitions: got.partitions }) !== JSON.stringify(want)) {
          throw new Error(`classifyGroup(${JSON.stringify(entries)} as one-minute series) should be ${JSON.stringify(want)}, but it was ${JSON.stringify(got)}`);
        }
      }),
      property,
    );
  });
});

describe('timeToDrain', () => {
  it('divides the lag by how much faster the group consumes than the topic grows (60 000 behind, 1 000/s in, 1 200/s out → 300 s)', () => {
    expectClose('timeToDrain(60000, 1000, 1200), where the backlog shrinks by only 200 a second,', timeToDrain(60_000, 1_000, 1_200), 300);
    expectClose('timeToDrain(500, 0, 100)', timeToDrain(500, 0, 100), 5);
    expectClose('timeToDrain(1000, 2500, 2900)', timeToDrain(1_000, 2_500, 2_900), 2.5);
  });

  it('is Infinity when there is lag and consumption does not exceed production', () => {
    expectExactly('timeToDrain(1000, 500, 500), where the group only keeps pace,', timeToDrain(1_000, 500, 500), Number.POSITIVE_INFINITY);
    expectExactly('timeToDrain(1000, 800, 500), where the backlog grows,', timeToDrain(1_000, 800, 500), Number.POSITIVE_INFINITY);
    expectExactly('timeToDrain(1, 0, 0), where nothing is consumed,', timeToDrain(1, 0, 0), Number.POSITIVE_INFINITY);
  });

  it('is 0 when there is no lag, whatever the rates', () => {
    expectExactly('timeToDrain(0, 100, 200)', timeToDrain(0, 100, 200), 0);
    expectExactly('timeToDrain(0, 500, 100), where nothing is behind yet,', timeToDrain(0, 500, 100), 0);
    expectExactly('timeToDrain(0, 0, 0)', timeToDrain(0, 0, 0), 0);
  });

  it('rejects a negative, NaN or infinite argument with a RangeError naming it', () => {
    expectRangeError('timeToDrain(-1, 10, 20)', () => timeToDrain(-1, 10, 20), 'lag');
    expectRangeError('timeToDrain(NaN, 10, 20)', () => timeToDrain(Number.NaN, 10, 20), 'lag');
    expectRangeError('timeToDrain(100, -5, 20)', () => timeToDrain(100, -5, 20), 'productionRate');
    expectRangeError('timeToDrain(100, Infinity, 20)', () => timeToDrain(100, Number.POSITIVE_INFINITY, 20), 'productionRate');
    expectRangeError('timeToDrain(100, 10, NaN)', () => timeToDrain(100, 10, Number.NaN), 'consumptionRate');
    expectRangeError('timeToDrain(100, 10, Infinity)', () => timeToDrain(100, 10, Number.POSITIVE_INFINITY), 'consumptionRate');
  });
});

describe('consumerAssignment', () => {
  it('caps the active consumers at the partition count; the rest sit idle (8 consumers, 6 partitions → 6 active, 2 idle)', () => {
    expectAssignment(8, 6, { active: 6, idle: 2, maxPartitionsPerConsumer: 1 });
    expectAssignment(1429, 100, { active: 100, idle: 1329, maxPartitionsPerConsumer: 1 });
    expectAssignment(6, 6, { active: 6, idle: 0, maxPartitionsPerConsumer: 1 });
  });

  it('spreads more partitions than consumers as evenly as possible (4 consumers, 6 partitions → the busiest owns 2)', () => {
    expectAssignment(4, 6, { active: 4, idle: 0, maxPartitionsPerConsumer: 2 });
    expectAssignment(1, 12, { active: 1, idle: 0, maxPartitionsPerConsumer: 12 });
    expectAssignment(5, 12, { active: 5, idle: 0, maxPartitionsPerConsumer: 3 });
  });

  it('rejects a consumer or partition count that is not an integer >= 1, naming it', () => {
    expectRangeError('consumerAssignment(0, 6)', () => consumerAssignment(0, 6), 'consumers');
    expectRangeError('consumerAssignment(2.5, 6)', () => consumerAssignment(2.5, 6), 'consumers');
    expectRangeError('consumerAssignment(NaN, 6)', () => consumerAssignment(Number.NaN, 6), 'consumers');
    expectRangeError('consumerAssignment(3, 0)', () => consumerAssignment(3, 0), 'partitions');
    expectRangeError('consumerAssignment(3, 1.5)', () => consumerAssignment(3, 1.5), 'partitions');
  });

  it('for any group and topic: every consumer is active or idle, no more are active than partitions, and the busiest share is the smallest that covers them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 2_000 }), (consumers, partitions) => {
        const { active, idle, maxPartitionsPerConsumer: most } = consumerAssignment(consumers, partitions);
        const what = `consumerAssignment(${consumers}, ${partitions}) = { active: ${active}, idle: ${idle}, maxPartitionsPerConsumer: ${most} }`;
        if (active + idle !== consumers) throw new Error(`${what}, but active + idle should be all ${consumers} consumers`);
        if (!(active >= 1 && active <= partitions && active <= consumers)) throw new Error(`${what}, but active should be from 1 to both counts (each partition has one consumer)`);
        if (idle > 0 && active !== partitions) throw new Error(`${what}, but a consumer should only sit idle when every partition already has one`);
        if (!(most * consumers >= partitions && (most - 1) * consumers < partitions)) {
          throw new Error(`${what}, but the busiest consumer in an even spread owns the smallest share that covers every partition`);
        }
      }),
      property,
    );
  });
});
