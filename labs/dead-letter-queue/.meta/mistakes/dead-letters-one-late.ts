// Off by one: "more than maxAttempts failures", so a poison message gets one delivery too many.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override exhausted(failures: number): boolean {
    return failures > this.maxAttempts;
  }
}
