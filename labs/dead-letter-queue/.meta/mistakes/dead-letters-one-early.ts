// Off by one: counting retries instead of deliveries, so a message is dead-lettered after maxAttempts − 1 failures.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override exhausted(failures: number): boolean {
    return failures >= this.maxAttempts - 1;
  }
}
