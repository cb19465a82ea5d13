/**
 * A second correct solution, written the way a student might (take the message off the front of the
 * array first, keep a flag for the message in flight), and independently of the course's model. Two
 * uses:
 *   - each file in mistakes/ overrides one small protected step of it to make one classic mistake, so
 *     every mistake differs from a correct queue in exactly that step;
 *   - it passes every graded test (to check, export it as RetryQueue from a file in mistakes/ and
 *     grade that target: QC_LAB_TARGET=mistake:dead-letter-queue/<file> npx vitest run --project labs
 *     labs/dead-letter-queue), which shows the tests depend on the contract, not on how the reference
 *     happens to be written.
 */
import type { DeadLetter, DrainReport } from '../solution';

export type Handler<T> = (body: T, attempt: number, id: string) => void | Promise<void>;

export interface Pending<T> {
  id: string;
  body: T;
  failures: number;
}

export class PlainRetryQueue<T> {
  protected readonly maxAttempts: number;
  protected waiting: Pending<T>[] = [];
  protected dead: DeadLetter<T>[] = [];
  protected inFlight: string | undefined;
  protected draining = false;

  constructor(options: { maxAttempts: number }) {
    this.maxAttempts = this.checkMaxAttempts(options.maxAttempts);
  }

  protected checkMaxAttempts(maxAttempts: number): number {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number of at least 1, not ${maxAttempts}`);
    return maxAttempts;
  }

  get depth(): number {
    return this.waiting.length;
  }

  publish(id: string, body: T): void {
    if (this.isLive(id)) throw new RangeError(`cannot publish "${id}": a message with that id is still in the queue`);
    this.waiting.push({ id, body, failures: 0 });
  }

  protected isLive(id: string): boolean {
    return this.inFlight === id || this.waiting.some((m) => m.id === id) || this.dead.some((m) => m.id === id);
  }

  async drain(handler: Handler<T>): Promise<DrainReport<T>> {
    this.beginDrain();
    const report = this.newReport();
    try {
      while (this.waiting.length > 0) {
        const message = this.waiting.shift()!;
        this.inFlight = message.id;
        const failure = await this.deliver(handler, message);
        this.inFlight = undefined;
        if (failure === undefined) {
          this.recordAck(report, message.id);
          continue;
        }
        message.failures += 1;
        if (this.exhausted(message.failures)) {
          const letter = { id: message.id, body: message.body, attempts: message.failures, error: this.describe(failure.error) };
          this.dead.push(letter);
          report.deadLettered.push({ ...letter });
        } else {
          this.requeue(message);
        }
      }
    } finally {
      this.inFlight = undefined;
      this.draining = false;
    }
    return report;
  }

  protected beginDrain(): void {
    if (this.draining) throw new Error('a drain is already in progress');
    this.draining = true;
  }

  protected newReport(): DrainReport<T> {
    return { acked: [], deadLettered: [] };
  }

  /** Runs one delivery; resolves with the failure, if there was one. */
  protected async deliver(handler: Handler<T>, message: Pending<T>): Promise<{ error: unknown } | undefined> {
    try {
      await handler(message.body, message.failures + 1, message.id);
      return undefined;
    } catch (error) {
      return { error };
    }
  }

  protected recordAck(report: DrainReport<T>, id: string): void {
    report.acked.push(id);
  }

  /** Whether a message with this many failed deliveries goes to the dead-letter queue. */
  protected exhausted(failures: number): boolean {
    return failures >= this.maxAttempts;
  }

  protected requeue(message: Pending<T>): void {
    this.waiting.push(message);
  }

  protected describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }

  deadLetters(): DeadLetter<T>[] {
    return this.dead.map((letter) => ({ ...letter }));
  }

  replay(ids?: string[]): number {
    const chosen = this.dead.filter((letter) => ids === undefined || ids.includes(letter.id));
    this.dead = this.dead.filter((letter) => !chosen.includes(letter));
    for (const letter of chosen) this.waiting.push(this.revive(letter));
    return chosen.length;
  }

  /** The main-queue message a replayed dead letter becomes. */
  protected revive(letter: DeadLetter<T>): Pending<T> {
    return { id: letter.id, body: letter.body, failures: 0 };
  }
}
