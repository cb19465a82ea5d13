// Classic mistake: only an Error counts as a failure, so a thrown string, number or undefined acks the message.
import { PlainRetryQueue, type Handler, type Pending } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override async deliver(handler: Handler<T>, message: Pending<T>): Promise<{ error: unknown } | undefined> {
    try {
      await handler(message.body, message.failures + 1, message.id);
      return undefined;
    } catch (error) {
      return error instanceof Error ? { error } : undefined;
    }
  }
}
