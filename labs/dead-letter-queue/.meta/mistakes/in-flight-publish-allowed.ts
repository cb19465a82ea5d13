// Subtle mistake: looking for a duplicate id only in the arrays, missing the message that is being delivered right now.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override isLive(id: string): boolean {
    return this.waiting.some((m) => m.id === id) || this.dead.some((m) => m.id === id);
  }
}
