// Classic mistake: deadLetters() hands out the queue's own array, so a caller who changes it changes the queue.
import type { DeadLetter } from '../solution';
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  override deadLetters(): DeadLetter<T>[] {
    return this.dead;
  }
}
