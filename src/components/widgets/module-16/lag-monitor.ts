/**
 * The lesson's lag monitor: a consumer group restarts after an outage and works through the backlog
 * while producers keep writing. Given the production rate, a hot key's extra rate on partition 0,
 * each consumer's processing rate, and the numbers of consumers and partitions, it computes every
 * partition's lag every few seconds, the produced (log-end) and consumed (committed) offsets summed
 * over the partitions, the group's status judged partition by partition as Burrow does, and the time
 * left to drain.
 *
 * The model is deterministic and has no randomness: messages arrive and are processed as a steady
 * flow, so the same controls always draw the same picture. Each partition is read by one consumer
 * only; a consumer shares its rate equally between those of its partitions that have a backlog, and
 * keeps up with the others as their messages arrive. It uses the lab's own functions
 * (src/models/module-16/consumer-lag/consumer-lag.ts) for the assignment, the alerts and the time to drain.
 */
import {
  classifyGroup,
  classifyLag,
  consumerAssignment,
  timeToDrain,
  type AlertPolicy,
  type ConsumerAssignment,
  type LagAlert,
  type LagSample,
} from '../../../models/module-16/consumer-lag/consumer-lag';
import { integerAtLeast, nonNegative, positive } from '../../../models/common/guards';

/** What the reader controls. */
export interface LagMonitorInput {
  /** Messages written to the topic per second, spread evenly over its partitions (>= 0). */
  productionRate: number;
  /** Messages per second of one hot key, all written to partition 0 on top of its share (>= 0). */
  hotKeyRate: number;
  /** Messages one consumer can process per second, however many partitions it owns (> 0). */
  consumerRate: number;
  /** Members of the (classic) consumer group: an integer >= 1. */
  consumers: number;
  /** Partitions of the topic: an integer >= 1. */
  partitions: number;
}

/** Everything around the controls, fixed so that pictures for different controls compare. */
export interface LagMonitorScenario {
  /** Messages already waiting when the chart starts, spread evenly over the partitions. */
  initialBacklog: number;
  /** How long the chart runs, in seconds. */
  durationS: number;
  /** Seconds between two samples (it must divide durationS). */
  stepS: number;
  /** The alert thresholds (for one partition's lag) and growth window, as in the lab. */
  policy: AlertPolicy;
}

/** The lesson's scenario: the group comes back from a 200-second outage at 2 500 messages/s. */
export const LAG_MONITOR_SCENARIO: LagMonitorScenario = {
  initialBacklog: 500_000,
  durationS: 600,
  stepS: 10,
  policy: { warningLag: 50_000, criticalLag: 250_000, windowMs: 60_000 },
};

/** One sample of the topic, with offsets summed over its partitions. */
export interface LagPoint {
  timeS: number;
  /** The sum of the partitions' log-end offsets. */
  produced: number;
  /** The sum of the group's committed offsets. */
  consumed: number;
  /** produced − consumed. */
  lag: number;
  /** Each partition's lag, by partition number. */
  partitionLags: number[];
}

export interface LagMonitorRun {
  assignment: ConsumerAssignment;
  /** For each consumer, the partitions it owns (empty for an idle one). */
  partitionsOf: number[][];
  /** The most the active consumers could process per second together: active × consumerRate. */
  capacity: number;
  points: LagPoint[];
  /** The lag at the end of the chart. */
  lag: number;
  /** The group's status: the lab's classifyGroup over every partition's series (its worst partition's alert). */
  alert: LagAlert;
  /** The partitions whose alert is the group's status. */
  alertPartitions: number[];
  /** Whether the summed lag alone rose at every sample across the window (it can hide one partition's growth). */
  totalGrowing: boolean;
  /** The partition with the largest lag at the end (the lowest number among ties), and the one with the smallest. */
  largestPartition: number;
  smallestPartition: number;
  /** Seconds from the end of the chart until every consumer has caught up; Infinity if some never will. */
  timeToDrainS: number;
}

/**
 * Partitions 0 … partitions − 1 dealt out in consecutive runs, as evenly as possible: the first
 * (partitions mod consumers) consumers get one more. Consumers beyond the partition count get none.
 */
export function assignPartitions(consumers: number, partitions: number): number[][] {
  consumerAssignment(consumers, partitions);
  const base = Math.floor(partitions / consumers);
  const extra = partitions % consumers;
  const owned: number[][] = [];
  let next = 0;
  for (let i = 0; i < consumers; i++) {
    const count = base + (i < extra ? 1 : 0);
    owned.push(Array.from({ length: count }, (_, j) => next + j));
    next += count;
  }
  return owned;
}

// #region backlog
/**
 * How fast each of one consumer's partitions gains (+) or loses (−) backlog right now. The consumer
 * shares its rate equally between the partitions it is serving; a partition with no backlog needs
 * only its arrival rate, and what it does not need goes to the others ("water-filling").
 */
function backlogRates(backlog: readonly number[], inflow: readonly number[], consumerRate: number): number[] {
  const empty = inflow.map((_, i) => i).filter((i) => backlog[i]! <= 0).sort((a, b) => inflow[a]! - inflow[b]!);
  const busy = backlog.length - empty.length;
  // The share each partition that is still short of work gets: partitions that need less keep up.
  let share = Number.POSITIVE_INFINITY;
  let spare = consumerRate;
  for (let k = 0; k < empty.length; k++) {
    const fair = spare / (empty.length - k + busy);
    if (fair <= inflow[empty[k]!]!) {
      share = fair;
      break;
    }
    spare -= inflow[empty[k]!]!;
  }
  if (share === Number.POSITIVE_INFINITY && busy > 0) share = spare / busy;
  return backlog.map((b, i) => (b > 0 ? inflow[i]! - share : Math.max(0, inflow[i]! - share)));
}

/**
 * One consumer's partitions' backlogs at each of the given times (seconds, increasing), from their
 * starting backlogs: the flow is piecewise linear, with a change of slope whenever a partition empties.
 */
function backlogsAt(start: readonly number[], inflow: readonly number[], consumerRate: number, times: readonly number[]): number[][] {
  const out: number[][] = [];
  let now = 0;
  let backlog = [...start];
  let rates = backlogRates(backlog, inflow, consumerRate);
  for (const t of times) {
    while (now < t) {
      // The next moment a shrinking backlog reaches 0, if it comes before t.
      const empties = backlog.map((b, i) => (rates[i]! < 0 && b > 0 ? b / -rates[i]! : Number.POSITIVE_INFINITY));
      const step = Math.min(t - now, ...empties);
      backlog = backlog.map((b, i) => Math.max(0, b + rates[i]! * step));
      empties.forEach((e, i) => {
        if (e === step) backlog[i] = 0;
      });
      now += step;
      rates = backlogRates(backlog, inflow, consumerRate);
    }
    out.push([...backlog]);
  }
  return out;
}
// #endregion backlog

function checkInput(input: LagMonitorInput): void {
  nonNegative('productionRate', input.productionRate);
  nonNegative('hotKeyRate', input.hotKeyRate);
  positive('consumerRate', input.consumerRate);
  integerAtLeast('consumers', input.consumers, 1);
  integerAtLeast('partitions', input.partitions, 1);
}

/** Messages per second written to each partition: an even share, and the hot key on partition 0. */
export function partitionInflows(input: LagMonitorInput): number[] {
  return Array.from({ length: input.partitions }, (_, p) => input.productionRate / input.partitions + (p === 0 ? input.hotKeyRate : 0));
}

export function simulateLagMonitor(input: LagMonitorInput, scenario: LagMonitorScenario = LAG_MONITOR_SCENARIO): LagMonitorRun {
  checkInput(input);
  const { initialBacklog, durationS, stepS, policy } = scenario;
  nonNegative('initialBacklog', initialBacklog);
  positive('stepS', stepS);
  integerAtLeast('durationS / stepS', durationS / stepS, 1);

  const assignment = consumerAssignment(input.consumers, input.partitions);
  const partitionsOf = assignPartitions(input.consumers, input.partitions);
  const inflow = partitionInflows(input);
  const startBacklog = initialBacklog / input.partitions;
  const times = Array.from({ length: Math.round(durationS / stepS) + 1 }, (_, step) => step * stepS);

  // lags[step][partition], computed consumer by consumer: each reads only its own partitions.
  const lags = times.map(() => new Array<number>(input.partitions).fill(0));
  for (const owned of partitionsOf) {
    if (owned.length === 0) continue;
    const series = backlogsAt(
      owned.map(() => startBacklog),
      owned.map((p) => inflow[p]!),
      input.consumerRate,
      times,
    );
    series.forEach((backlogs, step) => owned.forEach((p, i) => (lags[step]![p] = backlogs[i]!)));
  }

  const points: LagPoint[] = times.map((timeS, step) => {
    // Offsets are whole numbers: round each partition's flow to messages.
    const partitionLags = lags[step]!.map((lag) => Math.round(lag));
    const produced = Math.round(initialBacklog + (input.productionRate + input.hotKeyRate) * timeS);
    const lag = partitionLags.reduce((sum, l) => sum + l, 0);
    return { timeS, produced, consumed: produced - lag, lag, partitionLags };
  });
  const samplesOf = (lagAt: (p: LagPoint) => number): LagSample[] => points.map((p) => ({ timeMs: p.timeS * 1000, lag: lagAt(p) }));
  const group = classifyGroup(
    Array.from({ length: input.partitions }, (_, partition) => ({ partition, samples: samplesOf((p) => p.partitionLags[partition]!) })),
    policy,
  );
  // The topic has drained when its slowest consumer has: each works through its own partitions only.
  const last = lags[lags.length - 1]!;
  const timeToDrainS = partitionsOf.reduce((longest, owned) => {
    if (owned.length === 0) return longest;
    const backlog = owned.reduce((sum, p) => sum + last[p]!, 0);
    const arriving = owned.reduce((sum, p) => sum + inflow[p]!, 0);
    return Math.max(longest, timeToDrain(backlog, arriving, input.consumerRate));
  }, 0);

  const endLags = points[points.length - 1]!.partitionLags;
  return {
    assignment,
    partitionsOf,
    capacity: assignment.active * input.consumerRate,
    points,
    lag: points[points.length - 1]!.lag,
    alert: group.status,
    alertPartitions: group.partitions,
    // Growth alone, without thresholds: a warning level no lag can reach, and no critical level.
    totalGrowing: classifyLag(samplesOf((p) => p.lag), { warningLag: Number.MAX_VALUE, criticalLag: Number.POSITIVE_INFINITY, windowMs: policy.windowMs }) === 'growing',
    largestPartition: endLags.indexOf(Math.max(...endLags)),
    smallestPartition: endLags.indexOf(Math.min(...endLags)),
    timeToDrainS,
  };
}

/**
 * A time to drain in words, rounded up to whole seconds: "never at these rates" for Infinity,
 * "none: caught up" for 0, otherwise "45 s", "1 min 55 s" or "2 h 5 min".
 */
export function formatDrainTime(seconds: number): string {
  if (seconds === Number.POSITIVE_INFINITY) return 'never at these rates';
  nonNegative('seconds', seconds);
  if (seconds === 0) return 'none: caught up';
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.ceil(s / 60);
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
}

/** The alerts in words, as the monitor shows them. */
export const ALERT_LABELS: Record<LagAlert, string> = {
  ok: 'OK',
  warning: 'Warning',
  growing: 'Growing',
  critical: 'Critical',
};
