// Classic mistake: reading .message from whatever was thrown, so a rejected string or number leaves the error undefined.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override describe(error: unknown): string {
    return (error as Error | undefined)?.message as string;
  }
}
