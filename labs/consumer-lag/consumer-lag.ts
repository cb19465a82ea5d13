/**
 * Lab: consumer lag.
 *
 * Fill in each function below, then run `npm run grade consumer-lag` to see your score.
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 * Units: offsets and lag count offsets; rates are messages per second; sample times and windows are in
 * milliseconds (names ending in `Ms`); a time to drain is in seconds.
 *
 * Bad input must throw a RangeError whose message names the problem, for example
 * `new RangeError('committedOffset must be an integer >= 0 (got -1)')`. Each function says which word
 * its messages must contain.
 *
 * Labs are checked as strict TypeScript with `noUncheckedIndexedAccess`: `items[i]` has the type
 * `T | undefined` until you check it. The grader shows type errors as warnings beside your score;
 * fix them as your editor shows them.
 */

/** Where one partition's log ends and where the group has committed, as `kafka-consumer-groups.sh` shows them. */
export interface PartitionOffsets {
  /** The partition's number (PARTITION): an integer >= 0. */
  partition: number;
  /** The offset the next message written to the partition will get (LOG-END-OFFSET): an integer >= 0. */
  logEndOffset: number;
  /**
   * The offset of the next message the group will read, as last committed (CURRENT-OFFSET): an integer
   * >= 0. It can be above `logEndOffset` when the two were read at slightly different moments.
   */
  committedOffset: number;
}

/**
 * The lag of one partition: the messages written but not yet committed by the group,
 * logEndOffset − committedOffset — or 0 when the committed offset is beyond the log-end offset
 * (the two were read at different moments; Burrow counts that as no lag).
 *
 * Throws a RangeError naming the field (`partition`, `logEndOffset` or `committedOffset`) when one is
 * negative, not an integer, NaN, or above 2^53 − 1 (Number.MAX_SAFE_INTEGER).
 */
export function partitionLag(offsets: PartitionOffsets): number {
  // TODO
  throw new Error('not implemented: partitionLag');
}

/**
 * The total lag of a group on a topic: the sum of its partitions' lags. An empty list has a total of 0.
 *
 * Checks every entry as partitionLag does, and throws a RangeError whose message contains "duplicate"
 * when the same partition number appears more than once.
 */
export function totalLag(partitions: readonly PartitionOffsets[]): number {
  // TODO
  throw new Error('not implemented: totalLag');
}

/** One measurement of a group's lag. */
export interface LagSample {
  /** When it was taken, in milliseconds (any clock, the same for all samples). */
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

/** The state of a group's lag. From most to least severe: critical, growing, warning, ok. */
export type LagAlert = 'ok' | 'warning' | 'critical' | 'growing';

/**
 * Classifies a series of lag samples, given oldest first. With `latest` the last sample:
 *
 * 1. `critical` when latest.lag >= criticalLag;
 * 2. otherwise `growing` when lag grew over the window (below);
 * 3. otherwise `warning` when latest.lag >= warningLag;
 * 4. otherwise `ok`.
 *
 * Growth over the window: the window is [latest.timeMs − windowMs, latest.timeMs]. It is covered when
 * some sample was taken at or before latest.timeMs − windowMs, and the last such sample opens it. Lag
 * grew over the window when the window is covered and each sample after the one that opens it has a
 * strictly larger lag than the sample just before it. A series too short to cover the window is not
 * growing.
 *
 * Throws a RangeError when `samples` is empty (message names `samples`), when the times are not
 * finite and strictly increasing (names `timeMs`), when a lag is negative, NaN or infinite (names
 * `lag`), or when the policy breaks its rules above (names `warningLag`, `criticalLag` or `windowMs`).
 */
export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  // TODO
  throw new Error('not implemented: classifyLag');
}

/** One partition's lag samples, oldest first. */
export interface PartitionSeries {
  /** The partition's number: an integer >= 0. */
  partition: number;
  samples: readonly LagSample[];
}

/** A consumer group's status, judged partition by partition. */
export interface GroupStatus {
  /** The most severe of the partitions' alerts ('ok' for no partitions). */
  status: LagAlert;
  /** The partitions whose alert is `status`, in increasing order. */
  partitions: number[];
}

/**
 * Judges a group partition by partition, as Burrow does: classifies each partition's samples with
 * classifyLag, and returns the most severe alert (critical, then growing, then warning, then ok) with
 * the partitions that have it. For an empty list: `{ status: 'ok', partitions: [] }`.
 *
 * Throws what classifyLag throws for a bad series or policy (the policy is checked even when the list
 * is empty), a RangeError naming `partition` for a partition number that is not an integer >= 0, and
 * a RangeError whose message contains "duplicate" when a partition appears more than once.
 */
export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  // TODO
  throw new Error('not implemented: classifyGroup');
}

/**
 * How long a backlog of `lag` messages takes to clear, in seconds, while production continues:
 * 0 when there is no lag; Infinity when there is lag and consumption does not exceed production.
 *
 * Throws a RangeError naming the argument (`lag`, `productionRate`, `consumptionRate`) when one is
 * negative, NaN or infinite.
 * @param lag messages behind
 * @param productionRate messages written to the topic per second
 * @param consumptionRate messages the group can process per second
 */
export function timeToDrain(lag: number, productionRate: number, consumptionRate: number): number {
  // TODO
  throw new Error('not implemented: timeToDrain');
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
 * How `consumers` members of one classic consumer group share a topic of `partitions` partitions,
 * where each partition is read by exactly one member.
 *
 * Throws a RangeError naming `consumers` or `partitions` when it is not an integer >= 1.
 */
export function consumerAssignment(consumers: number, partitions: number): ConsumerAssignment {
  // TODO
  throw new Error('not implemented: consumerAssignment');
}
