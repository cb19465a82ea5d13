// Subtle mistake: String(error) for an Error too, which prefixes its name ("TypeError: timeout" instead of "timeout").
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override describe(error: unknown): string {
    return String(error);
  }
}
