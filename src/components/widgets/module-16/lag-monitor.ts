/**
 * The lesson's lag monitor: a consumer group restarts after an outage and works through the backlog
 * while producers keep writing. Given the production rate, each consumer's processing rate, and the
 * numbers of consumers and partitions, it computes the produced (log-end) and consumed (committed)
 * offsets every few seconds, the lag, the alert the lab's classifier raises, and the time left to drain.
 *
 * The model is deterministic and has no randomness: messages arrive and are processed as a steady
 * flow, so the same controls always draw the same picture. It uses the lab's own functions
 * (src/models/module-16/consumer-lag/consumer-lag.ts) for the assignment, the alert and the time to drain.
 */
import {
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
  /** The alert thresholds and growth window, as in the lab. */
  policy: AlertPolicy;
}

/** The lesson's scenario: the group comes back from a 200-second outage at 2 500 messages/s. */
export const LAG_MONITOR_SCENARIO: LagMonitorScenario = {
  initialBacklog: 500_000,
  durationS: 600,
  stepS: 10,
  policy: { warningLag: 100_000, criticalLag: 750_000, windowMs: 60_000 },
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
  /** The lab's classifier applied to the whole series. */
  alert: LagAlert;
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
 * One consumer's backlog at time t (seconds): it starts with its partitions' share of the initial
 * backlog, receives its partitions' share of the production, and works at consumerRate whenever it
 * has a backlog. Which of its partitions it reads first does not change its total.
 */
function backlogAt(owned: number, input: LagMonitorInput, initialBacklog: number, t: number): number {
  const share = owned / input.partitions;
  const inflow = share * input.productionRate;
  return Math.max(0, share * initialBacklog + (inflow - input.consumerRate) * t);
}
// #endregion backlog

function checkInput(input: LagMonitorInput): void {
  nonNegative('productionRate', input.productionRate);
  positive('consumerRate', input.consumerRate);
  integerAtLeast('consumers', input.consumers, 1);
  integerAtLeast('partitions', input.partitions, 1);
}

export function simulateLagMonitor(input: LagMonitorInput, scenario: LagMonitorScenario = LAG_MONITOR_SCENARIO): LagMonitorRun {
  checkInput(input);
  const { initialBacklog, durationS, stepS, policy } = scenario;
  nonNegative('initialBacklog', initialBacklog);
  positive('stepS', stepS);
  integerAtLeast('durationS / stepS', durationS / stepS, 1);

  const assignment = consumerAssignment(input.consumers, input.partitions);
  const partitionsOf = assignPartitions(input.consumers, input.partitions);
  const active = partitionsOf.filter((owned) => owned.length > 0);
  const lagAt = (t: number) => active.reduce((sum, owned) => sum + backlogAt(owned.length, input, initialBacklog, t), 0);

  const points: LagPoint[] = [];
  for (let step = 0; step * stepS <= durationS; step++) {
    const timeS = step * stepS;
    // Offsets are whole numbers: round the flow to messages.
    const produced = Math.round(initialBacklog + input.productionRate * timeS);
    const lag = Math.round(lagAt(timeS));
    points.push({ timeS, produced, consumed: produced - lag, lag });
  }
  const samples: LagSample[] = points.map((p) => ({ timeMs: p.timeS * 1000, lag: p.lag }));
  // The topic has drained when its slowest consumer has: each works through its own partitions only.
  const timeToDrainS = active.reduce((longest, owned) => {
    const share = owned.length / input.partitions;
    const backlog = backlogAt(owned.length, input, initialBacklog, durationS);
    return Math.max(longest, timeToDrain(backlog, share * input.productionRate, input.consumerRate));
  }, 0);

  return {
    assignment,
    partitionsOf,
    capacity: assignment.active * input.consumerRate,
    points,
    lag: points[points.length - 1]!.lag,
    alert: classifyLag(samples, policy),
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
