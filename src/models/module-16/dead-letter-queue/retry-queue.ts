/**
 * A work queue with bounded retries and a dead-letter queue (DLQ).
 *
 * Messages are delivered one at a time, oldest first. A delivery fails when the handler throws or its
 * promise rejects, with any value. A failed message goes to the back of the queue, so one bad message
 * never holds up the ones behind it; after `maxAttempts` failed deliveries it is moved to the DLQ with
 * the reason for its last failure. Dead letters wait there until an operator replays them.
 *
 * This module is the reference solution of the `dead-letter-queue` lab and the engine of the lesson's
 * walkthrough widget (through dead-letter-walkthrough.ts), so the page and the grader agree by
 * construction. Redelivery here is immediate; real brokers wait between attempts, which is what
 * backoff.ts is about.
 */
/** A message the queue gave up on. */
export interface DeadLetter<T> {
  id: string;
  body: T;
  /** Failed deliveries since it was published or last replayed: always the queue's maxAttempts. */
  attempts: number;
  /** The last failure: an Error's message, or String(value) for anything else that was thrown. */
  error: string;
}

/** What one call of {@link RetryQueue.drain} did, in the order it happened. */
export interface DrainReport<T> {
  /** Ids of the messages this drain acknowledged (delivered without a failure). */
  acked: string[];
  /** The messages this drain moved to the dead-letter queue. */
  deadLettered: DeadLetter<T>[];
}

/** Processes one message; `attempt` is 1 on its first delivery. Throwing or rejecting fails the delivery. */
export type Handler<T> = (body: T, attempt: number, id: string) => void | Promise<void>;

/** A message in the main queue, with the failed deliveries it has had so far. */
interface Pending<T> {
  id: string;
  body: T;
  failures: number;
}

/** The text kept for a failure: an Error's message, or String(value) for any other thrown value. */
export function describeFailure(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

export class RetryQueue<T> {
  readonly #maxAttempts: number;
  /** The main queue, head first. The message being delivered stays at the head until it settles. */
  readonly #pending: Pending<T>[] = [];
  /** The dead-letter queue, oldest first. */
  #dead: DeadLetter<T>[] = [];
  #draining = false;

  /**
   * @param options.maxAttempts deliveries a message gets before it is dead-lettered: an integer >= 1
   * (1 means no retries)
   */
  constructor(options: { maxAttempts: number }) {
    const { maxAttempts } = options;
    // The same check and message as integerAtLeast in guards.ts, written out here because
    // `npm run test:mutation` mutates every module the lab's solution imports, whole: guards.ts's
    // other guards, which no RetryQueue input can reach, would count as untested code in this lab.
    if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
      throw new RangeError(`maxAttempts must be an integer >= 1 (got ${maxAttempts})`);
    }
    this.#maxAttempts = maxAttempts;
  }

  /** Messages in the main queue, including one being delivered right now. */
  get depth(): number {
    return this.#pending.length;
  }

  /**
   * Adds a message to the back of the main queue. Throws a RangeError if a message with this id is in
   * the main queue (waiting or being delivered) or in the dead-letter queue. An id whose message was
   * acked may be published again: the queue keeps no record of acked messages.
   */
  publish(id: string, body: T): void {
    if (this.#pending.some((m) => m.id === id)) {
      throw new RangeError(`id "${id}" is already in the queue; publish each id once until it is acked`);
    }
    if (this.#dead.some((m) => m.id === id)) {
      throw new RangeError(`id "${id}" is in the dead-letter queue; replay it instead of publishing it again`);
    }
    this.#pending.push({ id, body, failures: 0 });
  }

  /**
   * Delivers messages one at a time, head first, until the main queue is empty, including messages
   * published or replayed while it runs. Each delivery settles (the handler returns, or its promise
   * settles) before the next begins. Only one drain runs at a time: a second call while one is running
   * rejects with an Error.
   */
  async drain(handler: Handler<T>): Promise<DrainReport<T>> {
    if (this.#draining) throw new Error('drain is already running; wait for it to finish before draining again');
    this.#draining = true;
    const report: DrainReport<T> = { acked: [], deadLettered: [] };
    try {
      for (let head = this.#pending[0]; head !== undefined; head = this.#pending[0]) {
        let failure: { value: unknown } | undefined;
        try {
          await handler(head.body, head.failures + 1, head.id);
        } catch (value) {
          failure = { value };
        }
        // Describe the failure before touching the queue: if that throws, the message is still at the head.
        const error = failure && describeFailure(failure.value);
        this.#pending.shift();
        if (error === undefined) {
          report.acked.push(head.id);
        } else if (head.failures + 1 < this.#maxAttempts) {
          head.failures += 1;
          this.#pending.push(head);
        } else {
          const letter: DeadLetter<T> = { id: head.id, body: head.body, attempts: head.failures + 1, error };
          this.#dead.push(letter);
          report.deadLettered.push({ ...letter });
        }
      }
    } finally {
      this.#draining = false;
    }
    return report;
  }

  /** The dead-letter queue, oldest first, as a copy: changing it does not change the queue. */
  deadLetters(): DeadLetter<T>[] {
    return this.#dead.map((letter) => ({ ...letter }));
  }

  /**
   * Moves dead letters back to the main queue with their attempt counts reset, so each gets
   * maxAttempts fresh deliveries. With no argument it moves all of them; with a list, those dead
   * letters whose ids are listed. They join the back of the main queue in the order they were
   * dead-lettered (oldest first), whatever order the list gives. Ids that are not in the dead-letter
   * queue are ignored, so replaying the same ids twice moves them once; an empty list moves nothing.
   * @returns how many messages were moved
   */
  replay(ids?: readonly string[]): number {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const moving = this.#dead.filter((letter) => wanted === undefined || wanted.has(letter.id));
    this.#dead = this.#dead.filter((letter) => !moving.includes(letter));
    for (const letter of moving) this.#pending.push({ id: letter.id, body: letter.body, failures: 0 });
    return moving.length;
  }
}
