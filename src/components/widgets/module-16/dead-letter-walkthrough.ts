/**
 * The step-by-step driver behind the lesson's dead-letter walkthrough: a fixed scenario (five orders,
 * one of them poison, one failing once) run through the course's RetryQueue, recorded as one step per
 * delivery so the widget can move forward and back through it.
 *
 * Nothing here re-implements the queue. The driver publishes, drains and replays with the real model
 * and records what the model does: which message the handler is given and with which attempt number,
 * the depth and dead-letter queue it sees at each delivery, and the drain's report. The main queue at
 * each step is read off the model's own delivery order: the queue is first in, first out, so the
 * messages waiting after a delivery are exactly those the same drain delivers later, in the order of
 * their next delivery. The driver checks that count against the model's depth and throws if they ever
 * disagree, so a change to the model cannot make the widget show something the model did not do.
 */
import { RetryQueue, type DeadLetter } from '../../../models/module-16/dead-letter-queue/retry-queue';

/** How the walkthrough's consumer treats a message. */
export type Behaviour = 'ok' | 'fails-once' | 'poison';

export interface ScenarioMessage {
  id: string;
  /** What the message says, shown in the widget. */
  body: string;
  behaviour: Behaviour;
}

/** The walkthrough's orders, in publish order. */
export const SCENARIO: readonly ScenarioMessage[] = [
  { id: 'order-1', body: '2 × notebook', behaviour: 'ok' },
  { id: 'order-2', body: '1 × lamp', behaviour: 'ok' },
  { id: 'order-3', body: '"three" × mug', behaviour: 'poison' },
  { id: 'order-4', body: '1 × chair', behaviour: 'fails-once' },
  { id: 'order-5', body: '4 × pen', behaviour: 'ok' },
];

/** Why the consumer fails each kind of message. */
export const FAILURES = {
  poison: 'quantity "three" is not a number',
  transient: 'inventory service timed out',
} as const;

export const DEFAULT_MAX_ATTEMPTS = 3;
/** The choices the widget offers for maxAttempts. */
export const MAX_ATTEMPTS_CHOICES = [1, 2, 3, 4, 5] as const;

/** What the operator does each time they press "replay": fix the consumer first, or not. */
export interface ReplayAction {
  fixFirst: boolean;
}

export interface WalkthroughPlan {
  maxAttempts: number;
  /** The replays done so far, in order; each follows a full drain. */
  replays: readonly ReplayAction[];
}

export const DEFAULT_PLAN: WalkthroughPlan = { maxAttempts: DEFAULT_MAX_ATTEMPTS, replays: [] };

/** A message in the main queue, with the failed deliveries it has had since it was published or replayed. */
export interface QueuedMessage {
  id: string;
  failures: number;
}

export type StepKind = 'start' | 'acked' | 'retried' | 'dead-lettered' | 'replayed';

export interface WalkthroughStep {
  kind: StepKind;
  /** The delivery this step shows (not set for "start" and "replayed"). */
  delivery?: { id: string; attempt: number; error?: string };
  /** The main queue after this step, head first. */
  queue: QueuedMessage[];
  /** Every message acked so far, in the order it happened. */
  acked: string[];
  /** The dead-letter queue after this step, oldest first. */
  deadLetters: DeadLetter<string>[];
  /** One sentence or two saying what happened. */
  narration: string;
}

interface Delivery {
  id: string;
  attempt: number;
  error?: string;
  /** The model's depth during this delivery (the message being delivered included). */
  depth: number;
  /** The dead-letter queue as the model reported it when this delivery began. */
  deadBefore: DeadLetter<string>[];
}

const ordinal = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function checkPlan(plan: WalkthroughPlan): void {
  if (!(MAX_ATTEMPTS_CHOICES as readonly number[]).includes(plan.maxAttempts)) {
    throw new RangeError(`maxAttempts must be one of ${MAX_ATTEMPTS_CHOICES.join(', ')} (got ${plan.maxAttempts})`);
  }
}

function queueFromScenario(maxAttempts: number): RetryQueue<string> {
  const queue = new RetryQueue<string>({ maxAttempts });
  for (const message of SCENARIO) queue.publish(message.id, message.body);
  return queue;
}

function startNarration(maxAttempts: number): string {
  return (
    `${plural(SCENARIO.length, 'order')} wait in the main queue. The consumer gets up to ${plural(maxAttempts, 'attempt')} ` +
    `at each before it gives up on it. One order is poison: its quantity is a word, not a number.`
  );
}

/** The walkthrough before anything is delivered: computed synchronously, so the page can render it on the server. */
export function initialStep(maxAttempts: number = DEFAULT_MAX_ATTEMPTS): WalkthroughStep {
  checkPlan({ maxAttempts, replays: [] });
  const queue = queueFromScenario(maxAttempts);
  if (queue.depth !== SCENARIO.length) throw new Error(`walkthrough: the model holds ${queue.depth} messages after publishing ${SCENARIO.length}`);
  return {
    kind: 'start',
    queue: SCENARIO.map(({ id }) => ({ id, failures: 0 })),
    acked: [],
    deadLetters: queue.deadLetters(),
    narration: startNarration(maxAttempts),
  };
}

/** The main queue before each of `deliveries` (and after the last: empty), read off the delivery order. */
function queuesBefore(deliveries: readonly Delivery[]): QueuedMessage[][] {
  return Array.from({ length: deliveries.length + 1 }, (_, from) => {
    const seen = new Set<string>();
    const queue: QueuedMessage[] = [];
    for (const d of deliveries.slice(from)) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      queue.push({ id: d.id, failures: d.attempt - 1 });
    }
    if (from < deliveries.length && queue.length !== deliveries[from]!.depth) {
      throw new Error(`walkthrough: the model's depth is ${deliveries[from]!.depth} at delivery ${from + 1}, but ${queue.length} messages are still to come`);
    }
    return queue;
  });
}

function deliveryNarration(d: Delivery, kind: StepKind, next: QueuedMessage[], maxAttempts: number, fixed: boolean): string {
  const empty = next.length === 0 ? ' The main queue is now empty.' : '';
  if (kind === 'acked') {
    const how = fixed && SCENARIO.find((m) => m.id === d.id)?.behaviour === 'poison' ? ' by the fixed consumer' : '';
    return `${d.id} is delivered (attempt ${d.attempt}) and processed${how}: it is acked and leaves the queue.${empty}`;
  }
  if (kind === 'retried') {
    const behind = next[0] && next[0].id !== d.id ? ` It goes to the back of the queue, so ${next[0].id} is next instead of waiting behind it.` : ' It goes back into the queue.';
    return `${d.id} fails on attempt ${d.attempt} of ${maxAttempts}: ${d.error}.${behind}`;
  }
  return (
    `${d.id} fails for the ${ordinal(d.attempt)} time of ${maxAttempts}: ${d.error}. The queue gives up on it and moves it ` +
    `to the dead-letter queue, where it waits for an operator; an alert on the dead-letter queue's depth would fire now.${empty}`
  );
}

/**
 * Runs the scenario through the model — a drain, then for each replay in the plan a replay and
 * another drain — and returns every step, starting with the initial one.
 */
export async function buildWalkthrough(plan: WalkthroughPlan = DEFAULT_PLAN): Promise<WalkthroughStep[]> {
  checkPlan(plan);
  const { maxAttempts } = plan;
  const queue = queueFromScenario(maxAttempts);
  const steps: WalkthroughStep[] = [initialStep(maxAttempts)];
  const acked: string[] = [];
  const deliveredBefore = new Set<string>();
  let fixed = false;

  for (let round = 0; round <= plan.replays.length; round++) {
    if (round > 0) {
      const action = plan.replays[round - 1]!;
      fixed ||= action.fixFirst;
      const moved = queue.replay();
      const what = moved === 0 ? 'There is nothing in the dead-letter queue to replay.' : `${plural(moved, 'dead letter')} ${moved === 1 ? 'goes' : 'go'} back to the main queue with ${moved === 1 ? 'its' : 'their'} attempt count reset to 0.`;
      steps.push({
        kind: 'replayed',
        queue: [], // filled in below, once the drain shows what the queue held
        acked: [...acked],
        deadLetters: queue.deadLetters(),
        narration: action.fixFirst
          ? `The bug is fixed and deployed, and then an operator replays the dead-letter queue. ${what}`
          : `An operator replays the dead-letter queue without fixing the consumer first. ${what} A message that failed for a lasting reason will fail the same way again.`,
      });
    }

    const deliveries: Delivery[] = [];
    const report = await queue.drain((body, attempt, id) => {
      const delivery: Delivery = { id, attempt, depth: queue.depth, deadBefore: queue.deadLetters() };
      deliveries.push(delivery);
      const message = SCENARIO.find((m) => m.id === id);
      if (!message || message.body !== body) throw new Error(`walkthrough: unexpected delivery of ${id}`);
      const firstEver = !deliveredBefore.has(id);
      deliveredBefore.add(id);
      if (message.behaviour === 'poison' && !fixed) delivery.error = FAILURES.poison;
      else if (message.behaviour === 'fails-once' && firstEver) delivery.error = FAILURES.transient;
      if (delivery.error) throw new Error(delivery.error);
    });

    const queues = queuesBefore(deliveries);
    if (round > 0) steps[steps.length - 1]!.queue = queues[0]!;
    const reportAcks = deliveries.filter((d) => d.error === undefined).map((d) => d.id);
    if (reportAcks.join() !== report.acked.join()) throw new Error(`walkthrough: the model acked ${report.acked.join()} but the handler succeeded for ${reportAcks.join()}`);

    deliveries.forEach((d, i) => {
      const deadAfter = i + 1 < deliveries.length ? deliveries[i + 1]!.deadBefore : queue.deadLetters();
      const kind: StepKind = d.error === undefined ? 'acked' : deadAfter.length > d.deadBefore.length ? 'dead-lettered' : 'retried';
      if (kind === 'acked') acked.push(d.id);
      steps.push({
        kind,
        delivery: { id: d.id, attempt: d.attempt, ...(d.error === undefined ? {} : { error: d.error }) },
        queue: queues[i + 1]!,
        acked: [...acked],
        deadLetters: deadAfter,
        narration: deliveryNarration(d, kind, queues[i + 1]!, maxAttempts, fixed),
      });
    });
  }
  return steps;
}

/** Whether the walkthrough can be replayed from the last of `steps`: there is something in the DLQ. */
export function canReplay(steps: readonly WalkthroughStep[], index: number): boolean {
  const step = steps[index];
  return index === steps.length - 1 && step !== undefined && step.deadLetters.length > 0;
}
