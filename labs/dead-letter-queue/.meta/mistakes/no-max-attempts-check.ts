// Classic mistake: no check on maxAttempts, so 0, 2.5 or NaN silently make a queue that never (or always) retries.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override checkMaxAttempts(maxAttempts: number): number {
    return maxAttempts;
  }
}
