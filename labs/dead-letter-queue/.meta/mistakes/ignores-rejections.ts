// Classic mistake: calling the handler without await, so only a synchronous throw counts; a rejected promise is acked.
import { PlainRetryQueue, type Handler, type Pending } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override async deliver(handler: Handler<T>, message: Pending<T>): Promise<{ error: unknown } | undefined> {
    try {
      // The returned promise is dropped; .catch keeps its rejection from being reported as unhandled.
      Promise.resolve(handler(message.body, message.failures + 1, message.id)).catch(() => undefined);
      return undefined;
    } catch (error) {
      return { error };
    }
  }
}
