// Classic mistake: a failed message is retried straight away at the head of the queue, so it holds up every message behind it.
import { PlainRetryQueue, type Pending } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override requeue(message: Pending<T>): void {
    this.waiting.unshift(message);
  }
}
