// Missing guard: a second drain may start while one is running, and both take messages from the same queue.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override beginDrain(): void {
    this.draining = true;
  }
}
