/**
 * Lab: a retry queue with a dead-letter queue.
 *
 * Fill in the class below, then run `npm run grade dead-letter-queue` to see your score.
 * Keep the exported names and types; add private fields and helpers as you like.
 *
 * Labs are checked as strict TypeScript with `noUncheckedIndexedAccess`: `items[i]` has the type
 * `T | undefined` until you check it. The grader shows type errors as warnings beside your score;
 * fix them as your editor shows them.
 */

/** A message the queue gave up on. */
export interface DeadLetter<T> {
  id: string;
  body: T;
  /** How many failed deliveries it had before it was dead-lettered: always maxAttempts. */
  attempts: number;
  /** Why its last delivery failed: the Error's message, or String(value) if something else was thrown. */
  error: string;
}

/** What one call of `drain` did, in the order it happened. */
export interface DrainReport<T> {
  /** Ids of the messages this drain acked (a delivery that did not fail), in the order they were acked. */
  acked: string[];
  /** The messages this drain moved to the dead-letter queue, in the order they were moved. */
  deadLettered: DeadLetter<T>[];
}

/**
 * A main queue (first in, first out) plus a dead-letter queue.
 *
 * A delivery fails when the handler throws, or returns a promise that rejects — with any value, not
 * only an Error. A failed message goes to the back of the main queue, so the messages behind it are
 * not held up. After `maxAttempts` failed deliveries it leaves the main queue for the dead-letter
 * queue. Every published message is always in exactly one place: acked (and gone), waiting in the main
 * queue, or in the dead-letter queue.
 */
export class RetryQueue<T> {
  /**
   * @param options.maxAttempts how many deliveries a message gets before it is dead-lettered: an
   * integer >= 1 (1 means no retries). Anything else throws a RangeError whose message names
   * `maxAttempts`.
   */
  constructor(options: { maxAttempts: number }) {
    // TODO: check options.maxAttempts, then set up the main queue and the dead-letter queue.
    throw new Error('not implemented: constructor');
  }

  /**
   * How many messages are in the main queue. (While a drain is running, whether this counts the
   * message being delivered is up to you: the tests only read it between drains.)
   */
  get depth(): number {
    // TODO
    throw new Error('not implemented: depth');
  }

  /**
   * Adds a message to the back of the main queue.
   *
   * Throws a RangeError whose message contains the id if a message with that id is still in the main
   * queue (waiting, or being delivered right now) or in the dead-letter queue. An id whose message was
   * acked may be published again: the queue does not remember acked messages.
   */
  publish(id: string, body: T): void {
    // TODO
    throw new Error('not implemented: publish');
  }

  /**
   * Delivers messages from the head of the main queue, one at a time, until the main queue is empty:
   * calls `handler(body, attempt, id)`, where `attempt` is 1 on a message's first delivery (and again
   * on its first delivery after a replay), and waits for the call — and the promise it returns, if
   * any — to settle before the next delivery.
   *
   * Messages published or replayed while the drain runs (by the handler, say) join the back of the
   * main queue and are delivered by this same drain. Only one drain runs at a time: calling `drain`
   * while another is still running returns a promise that rejects with an Error saying why.
   *
   * @returns what this drain acked and dead-lettered, each in the order it happened
   */
  drain(handler: (body: T, attempt: number, id: string) => void | Promise<void>): Promise<DrainReport<T>> {
    // TODO: remember that `handler` may throw, or return a promise that rejects, with any value.
    throw new Error('not implemented: drain');
  }

  /** The dead letters, oldest first, as a new array: changing it must not change the queue. */
  deadLetters(): DeadLetter<T>[] {
    // TODO
    throw new Error('not implemented: deadLetters');
  }

  /**
   * Moves dead letters back to the back of the main queue with their attempt counts reset, so each
   * gets maxAttempts fresh deliveries. With no argument, all of them; with a list, the dead letters
   * whose ids are in it.
   *
   * They join the main queue oldest first — the order they were dead-lettered — whatever order the
   * list is in. Ids that are not in the dead-letter queue are ignored (so replaying the same id twice
   * moves it once), and an empty list moves nothing.
   *
   * @returns how many messages were moved
   */
  replay(ids?: string[]): number {
    // TODO
    throw new Error('not implemented: replay');
  }
}
