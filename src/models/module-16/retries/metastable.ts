/**
 * A metastable-failure simulator: users send requests at a steady rate to one FIFO server through
 * clients that give up on an attempt after a timeout and may retry it. A trigger — a spike of extra
 * load, or a slowdown of the server — pushes the queue past the point where waits exceed the timeout;
 * then every answer comes too late, the server's whole capacity goes to work nobody waits for, and
 * retries add load exactly when there is no room for it. Whether the system recovers once the trigger
 * has passed depends on the retry policy.
 *
 * A discrete-event simulation, seeded and deterministic (the same settings always give the same run),
 * with three independent random streams — arrivals, service times, jitter — so that runs of the same
 * scenario under different policies see the same users and the same service times.
 *
 * Model, and what it leaves out:
 * - Users arrive as a Poisson process at `offeredLoad` per second (plus `extraLoad` during a spike) and
 *   are spread at random over `clients` client processes. Each user's request is one call.
 * - The server works through one queue, first in first out, one request at a time, with exponential
 *   service times at `capacity` requests per second (times the slowdown factor while one lasts, read
 *   when a service starts). It serves every request it has accepted, including those whose client has
 *   already given up: it cannot tell.
 * - Each attempt has its own timeout (like Envoy's per-try timeout; gRPC's own deadline spans all the
 *   attempts of a call). A timed-out attempt counts as a retryable failure; an answer that arrives after
 *   it is wasted work.
 * - Retry policies: none; immediate (retry at once, up to maxAttempts attempts in all); backoff (wait
 *   random() · backoffCeiling(n) first, gRFC A6's full-jitter backoff); throttled (backoff, plus one
 *   A6 token bucket per client process, maxTokens 10 and tokenRatio 0.1, A6's example values).
 *   The backoff and the token bucket are the retries lab's reference code.
 */
import { createRng, exponential } from '../../common/rng';
import { backoffCeiling, type RetryPolicy } from './retry-policy';
import { RetryThrottle } from './retry-throttle';

/** How clients retry an attempt that timed out. */
export type RetryMode = 'none' | 'immediate' | 'backoff' | 'throttled';

/** What pushes the system over the edge, starting `startS` seconds into the run. */
export type Trigger =
  /** `extraLoad` more requests per second arrive for `durationS` seconds. */
  | { kind: 'spike'; extraLoad: number; startS: number; durationS: number }
  /** The server runs at (1 − `capacityLost`) of its capacity for `durationS` seconds. */
  | { kind: 'slowdown'; capacityLost: number; startS: number; durationS: number };

export interface MetastableSettings {
  /** Requests per second the server completes at full speed (> 0). */
  capacity: number;
  /** New requests per second from users, without retries (>= 0). */
  offeredLoad: number;
  trigger: Trigger;
  /** How long a client waits for one attempt before it gives up on it, in seconds (> 0). */
  timeoutS: number;
  retry: RetryMode;
  /** Attempts per request, the first included, when the mode retries at all: an integer from 2 to 5. */
  maxAttempts: number;
  /** Client processes, each with its own token bucket in the throttled mode: an integer >= 1. */
  clients: number;
  /** How long the run lasts, in seconds (> 0). */
  durationS: number;
  /** The width of each point of the time series, in seconds (> 0, dividing durationS). */
  bucketS: number;
  /** The seed of the random streams. */
  seed: number;
}

/** One bucket of the time series: rates are per second over the bucket. */
export interface MetastablePoint {
  /** The bucket's end, in seconds from the start of the run. */
  timeS: number;
  /** Answers that reached their client before its timeout, per second. */
  goodput: number;
  /** Attempts sent to the server, first attempts and retries together, per second. */
  offered: number;
  /** Retries among them, per second. */
  retries: number;
  /** Requests at the server (waiting or in service) at the bucket's end. */
  queue: number;
}

/** Goodput averaged over the three phases of the run, in answers per second. */
export interface PhaseGoodput {
  /** From the start of the run to the start of the trigger. */
  before: number;
  /** While the trigger lasts. */
  during: number;
  /** Over the last `AFTER_WINDOW_S` seconds of the run, long after the trigger has ended. */
  after: number;
}

export interface MetastableRun {
  points: MetastablePoint[];
  goodput: PhaseGoodput;
  /** Whether goodput at the end is back to at least RECOVERED_SHARE of goodput before the trigger. */
  recovered: boolean;
  /** Totals over the whole run. */
  totals: { requests: number; attempts: number; succeeded: number; served: number; wasted: number };
}

/** The backoff of the 'backoff' and 'throttled' modes (A6's example: 0.1 s, doubling, at most 1 s). */
export const SIMULATED_BACKOFF = { initialBackoff: 0.1, maxBackoff: 1, backoffMultiplier: 2 } as const;
/** The token bucket of the 'throttled' mode, per client process (A6's example values). */
export const SIMULATED_THROTTLE = { maxTokens: 10, tokenRatio: 0.1 } as const;
/** "After" is the run's last stretch of this many seconds. */
export const AFTER_WINDOW_S = 60;
/** The system counts as recovered when goodput after is at least this share of goodput before. */
export const RECOVERED_SHARE = 0.9;

function check(settings: MetastableSettings): void {
  const { capacity, offeredLoad, trigger, timeoutS, maxAttempts, clients, durationS, bucketS } = settings;
  const rule = (ok: boolean, field: string, what: string, value: unknown) => {
    if (!ok) throw new RangeError(`${field} must be ${what} (got ${String(value)})`);
  };
  rule(capacity > 0 && Number.isFinite(capacity), 'capacity', 'a finite number > 0', capacity);
  rule(offeredLoad >= 0 && Number.isFinite(offeredLoad), 'offeredLoad', 'a finite number >= 0', offeredLoad);
  rule(timeoutS > 0 && Number.isFinite(timeoutS), 'timeoutS', 'a finite number > 0', timeoutS);
  rule(Number.isInteger(maxAttempts) && maxAttempts >= 2 && maxAttempts <= 5, 'maxAttempts', 'an integer from 2 to 5', maxAttempts);
  rule(Number.isInteger(clients) && clients >= 1, 'clients', 'an integer >= 1', clients);
  rule(durationS > 0 && Number.isFinite(durationS), 'durationS', 'a finite number > 0', durationS);
  rule(bucketS > 0 && Number.isInteger(durationS / bucketS), 'bucketS', 'a number > 0 that divides durationS', bucketS);
  rule(trigger.startS >= 0 && trigger.durationS > 0 && trigger.startS + trigger.durationS + AFTER_WINDOW_S <= durationS, 'trigger', `to start at or after 0, last > 0 s and end at least ${AFTER_WINDOW_S} s before the run does`, `${trigger.startS} + ${trigger.durationS} s`);
  if (trigger.kind === 'spike') rule(trigger.extraLoad >= 0 && Number.isFinite(trigger.extraLoad), 'extraLoad', 'a finite number >= 0', trigger.extraLoad);
  else rule(trigger.capacityLost > 0 && trigger.capacityLost < 1, 'capacityLost', 'strictly between 0 and 1', trigger.capacityLost);
}

/** A binary min-heap of events, ordered by time and then by the order they were scheduled in. */
class EventHeap<E> {
  private readonly items: { time: number; seq: number; event: E }[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, event: E): void {
    const item = { time, seq: this.seq++, event };
    const a = this.items;
    let i = a.length;
    a.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent]!;
      if (p.time < time || (p.time === time && p.seq < item.seq)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  /** The earliest event's time (Infinity when empty). */
  peekTime(): number {
    return this.items.length ? this.items[0]!.time : Number.POSITIVE_INFINITY;
  }

  pop(): E {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = a[child + 1];
        if (right !== undefined && (right.time < a[child]!.time || (right.time === a[child]!.time && right.seq < a[child]!.seq))) child++;
        const c = a[child]!;
        if (last.time < c.time || (last.time === c.time && last.seq < c.seq)) break;
        a[i] = c;
        i = child;
      }
      a[i] = last;
    }
    return top.event;
  }
}

/** One attempt of one request. */
interface Attempt {
  request: Request;
  /** When the client gives up on it. */
  deadline: number;
  /** Set once the client has stopped waiting for it (answered or timed out). */
  settled: boolean;
}

/** One user's request, across its attempts. */
interface Request {
  client: number;
  attempts: number;
  /** Retries since the start (the n of backoffCeiling). */
  retries: number;
}

type Event =
  | { type: 'arrival' }
  | { type: 'send'; request: Request }
  | { type: 'timeout'; attempt: Attempt }
  | { type: 'done' };

/** Runs the scenario and returns its time series and the goodput of each phase. */
export function simulateMetastable(settings: MetastableSettings): MetastableRun {
  check(settings);
  const { capacity, offeredLoad, trigger, timeoutS, retry, clients, durationS, bucketS } = settings;
  const arrivals = createRng(settings.seed);
  const service = createRng(settings.seed + 1);
  const jitter = createRng(settings.seed + 2);
  const policy: RetryPolicy = { maxAttempts: settings.maxAttempts, ...SIMULATED_BACKOFF, retryableCodes: ['DEADLINE_EXCEEDED'] };
  const attemptsAllowed = retry === 'none' ? 1 : settings.maxAttempts;
  const throttles = retry === 'throttled' ? Array.from({ length: clients }, () => new RetryThrottle(SIMULATED_THROTTLE)) : [];
  const triggerEnd = trigger.startS + trigger.durationS;
  const inTrigger = (t: number) => t >= trigger.startS && t < triggerEnd;
  const arrivalRate = (t: number) => offeredLoad + (trigger.kind === 'spike' && inTrigger(t) ? trigger.extraLoad : 0);
  const serviceRate = (t: number) => capacity * (trigger.kind === 'slowdown' && inTrigger(t) ? 1 - trigger.capacityLost : 1);

  const buckets = Math.round(durationS / bucketS);
  const succeeded = new Float64Array(buckets);
  const sent = new Float64Array(buckets);
  const retried = new Float64Array(buckets);
  const queueAt = new Float64Array(buckets);
  const bucketOf = (t: number) => Math.min(buckets - 1, Math.floor(t / bucketS));

  const events = new EventHeap<Event>();
  // The server's queue, first in first out; `head` indexes its oldest entry.
  const queue: Attempt[] = [];
  let head = 0;
  let busy = false;
  let requests = 0;
  let attempts = 0;
  let served = 0;
  let wasted = 0;
  let succeededTotal = 0;

  /** The next arrival after t, in a Poisson process whose rate changes at the trigger's edges. */
  const scheduleArrival = (t: number) => {
    // Thinning against the largest rate keeps the stream exact across the rate changes.
    const peak = Math.max(arrivalRate(0), arrivalRate(trigger.startS));
    if (peak <= 0) return;
    let next = t;
    do next += exponential(arrivals, 1 / peak);
    while (next < durationS && arrivals.next() * peak >= arrivalRate(next));
    if (next < durationS) events.push(next, { type: 'arrival' });
  };

  const startService = (t: number) => {
    if (busy || head === queue.length) return;
    busy = true;
    events.push(t + exponential(service, 1 / serviceRate(t)), { type: 'done' });
  };

  const send = (t: number, request: Request) => {
    request.attempts++;
    attempts++;
    sent[bucketOf(t)]!++;
    if (request.attempts > 1) retried[bucketOf(t)]!++;
    const attempt: Attempt = { request, deadline: t + timeoutS, settled: false };
    queue.push(attempt);
    events.push(attempt.deadline, { type: 'timeout', attempt });
    startService(t);
  };

  // #region timeout
  const timedOut = (t: number, attempt: Attempt) => {
    if (attempt.settled) return;
    attempt.settled = true;
    const { request } = attempt;
    const throttle = throttles[request.client];
    // A timeout is a retryable failure: it counts against the client's bucket.
    throttle?.recordFailure();
    if (request.attempts >= attemptsAllowed || (throttle !== undefined && !throttle.allowsRetry)) return;
    if (retry === 'immediate') {
      send(t, request);
      return;
    }
    request.retries++;
    events.push(t + jitter.next() * backoffCeiling(request.retries, policy), { type: 'send', request });
  };
  // #endregion timeout

  scheduleArrival(0);
  // Sample the queue at each bucket's end, between events.
  let nextSample = bucketS;
  let sampled = 0;
  while (events.size > 0 && events.peekTime() < durationS) {
    const t = events.peekTime();
    while (sampled < buckets && nextSample <= t) {
      queueAt[sampled++] = queue.length - head;
      nextSample += bucketS;
    }
    const event = events.pop();
    if (event.type === 'arrival') {
      requests++;
      send(t, { client: Math.floor(arrivals.next() * clients), attempts: 0, retries: 0 });
      scheduleArrival(t);
    } else if (event.type === 'send') {
      send(t, event.request);
    } else if (event.type === 'timeout') {
      timedOut(t, event.attempt);
    } else {
      const attempt = queue[head++]!;
      busy = false;
      served++;
      if (attempt.settled) wasted++;
      else {
        attempt.settled = true;
        succeededTotal++;
        succeeded[bucketOf(t)]!++;
        throttles[attempt.request.client]?.recordSuccess();
      }
      // Drop served entries from the front now and then, so the array does not grow for ever.
      if (head > 4096 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      startService(t);
    }
  }
  while (sampled < buckets) queueAt[sampled++] = queue.length - head;

  const points: MetastablePoint[] = Array.from({ length: buckets }, (_, i) => ({
    timeS: (i + 1) * bucketS,
    goodput: succeeded[i]! / bucketS,
    offered: sent[i]! / bucketS,
    retries: retried[i]! / bucketS,
    queue: queueAt[i]!,
  }));
  const mean = (from: number, to: number) => {
    const inside = points.filter((p) => p.timeS - bucketS >= from && p.timeS <= to);
    return inside.length ? inside.reduce((sum, p) => sum + p.goodput, 0) / inside.length : 0;
  };
  const goodput: PhaseGoodput = {
    before: mean(0, trigger.startS),
    during: mean(trigger.startS, triggerEnd),
    after: mean(durationS - AFTER_WINDOW_S, durationS),
  };
  return {
    points,
    goodput,
    recovered: goodput.after >= RECOVERED_SHARE * goodput.before,
    totals: { requests, attempts, succeeded: succeededTotal, served, wasted },
  };
}

/** The lesson's default scenario: a 10-second spike on a server running at 70 % of capacity. */
export const DEFAULT_METASTABLE: MetastableSettings = {
  capacity: 100,
  offeredLoad: 70,
  trigger: { kind: 'spike', extraLoad: 60, startS: 30, durationS: 10 },
  timeoutS: 1,
  retry: 'backoff',
  maxAttempts: 3,
  clients: 10,
  durationS: 180,
  bucketS: 2,
  seed: 20261126,
};
