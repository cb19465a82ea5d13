// Classic mistake: no check on publish, so the same id can be in the queue twice and be processed twice.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override isLive(): boolean {
    return false;
  }
}
