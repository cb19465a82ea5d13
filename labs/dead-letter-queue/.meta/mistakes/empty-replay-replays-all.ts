// Classic mistake: `if (!ids?.length)` treats an empty list like no list, so replay([]) replays everything.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  override replay(ids?: string[]): number {
    return super.replay(ids?.length ? ids : undefined);
  }
}
