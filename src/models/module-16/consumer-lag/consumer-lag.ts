/**
 * Consumer lag: how far a consumer group is behind the log, whether that is getting worse, how long
 * it takes to catch up, and how many consumers a topic can keep busy.
 *
 * Units: offsets and lag are counts of offsets; rates are messages per second; times in a lag series
 * are in milliseconds (`timeMs`, `windowMs`); a time to drain is in seconds.
 * This module is the reference solution of the `consumer-lag` lab and the engine of the lesson's lag
 * monitor, so the page and the grader agree by construction.
 */
import { integerAtLeast, nonNegative, positive } from '../../common/guards';

/** Where one partition's log ends and where the group has committed, as `kafka-consumer-groups.sh` shows them. */
export interface PartitionOffsets {
  /** The partition's number (PARTITION): an integer >= 0. */
  partition: number;
  /** The offset the next message written to the partition will get (LOG-END-OFFSET): an integer >= 0. */
  logEndOffset: number;
  /**
   * The offset of the next message the group will read, as last committed (CURRENT-OFFSET): an integer
   * >= 0. It may be above `logEndOffset` when the two were read at different moments (sampling skew).
   */
  committedOffset: number;
}

/** Throws unless `value` is an integer >= 0 that a JavaScript number holds exactly (at most 2^53 − 1). */
function offset(name: string, value: number): number {
  integerAtLeast(name, value, 0);
  // Kafka offsets are 64-bit; above 2^53 a number can no longer tell neighbouring offsets apart.
  if (value > Number.MAX_SAFE_INTEGER) throw new RangeError(`${name} must be at most 2^53 − 1 to be exact (got ${value})`);
  return value;
}

// #region partition-lag
/**
 * The lag of one partition: the messages written but not yet committed by the group,
 * log-end offset − committed offset, and 0 when the committed offset is beyond the log end.
 *
 * The two offsets come from different places (the log end from the partition's leader, the commit
 * from the group coordinator) and are read at different moments, so a group that is keeping up can
 * show a commit a little past the log end it was compared with. Burrow treats that as zero lag;
 * `kafka-consumer-groups.sh` prints the raw, negative difference.
 * @example partitionLag({ partition: 1, logEndOffset: 14950, committedOffset: 14891 }) // 59
 */
export function partitionLag(offsets: PartitionOffsets): number {
  const { partition, logEndOffset, committedOffset } = offsets;
  offset('partition', partition);
  offset('logEndOffset', logEndOffset);
  offset('committedOffset', committedOffset);
  return Math.max(0, logEndOffset - committedOffset);
}
// #endregion partition-lag

/**
 * The total lag of a group on a topic: the sum of the partitions' lags. Each partition may appear
 * once; an empty list has a total lag of 0.
 */
export function totalLag(partitions: readonly PartitionOffsets[]): number {
  const seen = new Set<number>();
  let total = 0;
  for (const p of partitions) {
    total += partitionLag(p);
    if (seen.has(p.partition)) {
      throw new RangeError(`partition ${p.partition} is listed twice (a duplicate would count its lag twice)`);
    }
    seen.add(p.partition);
  }
  return total;
}

/** One measurement of a group's lag. */
export interface LagSample {
  /** When it was taken, in milliseconds on any clock (all samples on the same one). */
  timeMs: number;
  /** The lag at that moment (>= 0). */
  lag: number;
}

/** When to raise which alert. */
export interface AlertPolicy {
  /** Lag at or above this is a warning: a finite number > 0. */
  warningLag: number;
  /** Lag at or above this is critical (> warningLag). */
  criticalLag: number;
  /** How long lag must have risen without a break to count as growing, in milliseconds: a finite number > 0. */
  windowMs: number;
}

/**
 * The state of a group's lag, from most to least severe: `critical`, `growing`, `warning`, `ok`.
 * Growth ranks above a warning because a lag that holds still is a backlog being carried, while one
 * that keeps rising will cross every threshold in time.
 */
export type LagAlert = 'ok' | 'warning' | 'critical' | 'growing';

function checkSamples(samples: readonly LagSample[]): void {
  if (samples.length === 0) throw new RangeError('samples must hold at least one LagSample (got none)');
  samples.forEach((s, i) => {
    if (!Number.isFinite(s.timeMs)) throw new RangeError(`samples[${i}].timeMs must be a finite number (got ${s.timeMs})`);
    nonNegative(`samples[${i}].lag`, s.lag);
    const before = samples[i - 1];
    if (before !== undefined && !(s.timeMs > before.timeMs)) {
      throw new RangeError(`samples must be in increasing timeMs order, but samples[${i}].timeMs = ${s.timeMs} comes after ${before.timeMs}`);
    }
  });
}

function checkPolicy(policy: AlertPolicy): void {
  positive('warningLag', policy.warningLag);
  // Also rejects NaN; Infinity passes and means "never critical".
  if (!(policy.criticalLag > policy.warningLag)) {
    throw new RangeError(`criticalLag must be above warningLag (got criticalLag ${policy.criticalLag}, warningLag ${policy.warningLag})`);
  }
  positive('windowMs', policy.windowMs);
}

/**
 * Sustained growth over a window: with t the time of the latest sample, the window is
 * [t − windowMs, t]. It is covered when some sample was taken at or before t − windowMs; the last such
 * sample opens the window. Lag is growing when the window is covered and every sample after the one
 * that opens it has a strictly larger lag than the sample before.
 */
function isGrowing(samples: readonly LagSample[], windowMs: number): boolean {
  const latest = samples[samples.length - 1]!;
  const windowStart = latest.timeMs - windowMs;
  let open = samples.length - 1;
  while (open >= 0 && samples[open]!.timeMs > windowStart) open--;
  // No sample that old: the series is too short to say that lag rose across the whole window.
  if (open < 0) return false;
  for (let i = open + 1; i < samples.length; i++) {
    if (!(samples[i]!.lag > samples[i - 1]!.lag)) return false;
  }
  return true;
}

/**
 * Classifies a series of lag samples, oldest first. The thresholds apply to the latest sample, and
 * each includes its own value: lag >= criticalLag is `critical`, otherwise sustained growth over the
 * window (see {@link isGrowing}) is `growing`, otherwise lag >= warningLag is `warning`, else `ok`.
 */
export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  checkSamples(samples);
  checkPolicy(policy);
  const lag = samples[samples.length - 1]!.lag;
  if (lag >= policy.criticalLag) return 'critical';
  if (isGrowing(samples, policy.windowMs)) return 'growing';
  if (lag >= policy.warningLag) return 'warning';
  return 'ok';
}

/** One partition's lag samples, oldest first. */
export interface PartitionSeries {
  /** The partition's number: an integer >= 0, each partition at most once. */
  partition: number;
  samples: readonly LagSample[];
}

/** A group's status: the most severe of its partitions' alerts, and the partitions that have it. */
export interface GroupStatus {
  status: LagAlert;
  /** The partitions whose alert is `status`, in increasing order (all of them when every one is ok; none for no partitions). */
  partitions: number[];
}

/** The alerts from least to most severe. */
const SEVERITY: readonly LagAlert[] = ['ok', 'warning', 'growing', 'critical'];

/**
 * Judges a consumer group partition by partition, as Burrow does: each partition's series is
 * classified on its own (see {@link classifyLag}), and the group's status is the most severe of
 * them. A sum over partitions can hide a partition that keeps growing while the others drain.
 */
export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  const seen = new Set<number>();
  const judged = partitions.map(({ partition, samples }) => {
    offset('partition', partition);
    if (seen.has(partition)) throw new RangeError(`partition ${partition} is listed twice (a duplicate would be judged twice)`);
    seen.add(partition);
    return { partition, alert: classifyLag(samples, policy) };
  });
  checkPolicy(policy);
  const worst = judged.reduce((most, j) => Math.max(most, SEVERITY.indexOf(j.alert)), 0);
  const status = SEVERITY[worst]!;
  return {
    status,
    partitions: judged
      .filter((j) => j.alert === status)
      .map((j) => j.partition)
      .sort((a, b) => a - b),
  };
}

/**
 * How long a backlog takes to clear, in seconds, while messages keep arriving: lag / (consumption −
 * production). With no lag the answer is 0. With lag and consumption at or below production the
 * backlog never clears, and the answer is Infinity (which compares above every finite deadline).
 * @param lag messages behind (>= 0)
 * @param productionRate messages written per second (>= 0)
 * @param consumptionRate messages the group processes per second while it has a backlog (>= 0)
 * @example timeToDrain(60_000, 1_000, 1_200) // 300 s, not 60 000 / 1 200 = 50 s
 */
export function timeToDrain(lag: number, productionRate: number, consumptionRate: number): number {
  nonNegative('lag', lag);
  nonNegative('productionRate', productionRate);
  nonNegative('consumptionRate', consumptionRate);
  if (lag === 0) return 0;
  if (consumptionRate <= productionRate) return Number.POSITIVE_INFINITY;
  return lag / (consumptionRate - productionRate);
}

/** How a classic consumer group spreads over a topic's partitions. */
export interface ConsumerAssignment {
  /** Consumers that own at least one partition. */
  active: number;
  /** Consumers that own none and sit idle. */
  idle: number;
  /** The most partitions any one consumer owns when they are spread as evenly as possible. */
  maxPartitionsPerConsumer: number;
}

/**
 * In a classic consumer group each partition has exactly one consumer, so at most `partitions`
 * consumers do any work; the rest are idle. Spread evenly, no consumer owns more than
 * ⌈partitions / consumers⌉ partitions.
 */
export function consumerAssignment(consumers: number, partitions: number): ConsumerAssignment {
  integerAtLeast('consumers', consumers, 1);
  integerAtLeast('partitions', partitions, 1);
  const active = Math.min(consumers, partitions);
  return { active, idle: consumers - active, maxPartitionsPerConsumer: Math.ceil(partitions / consumers) };
}
