// Classic mistake: a replayed message keeps its old attempt count, so its first failure after the replay dead-letters it again.
import type { DeadLetter } from '../solution';
import { PlainRetryQueue, type Pending } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override revive(letter: DeadLetter<T>): Pending<T> {
    return { id: letter.id, body: letter.body, failures: letter.attempts };
  }
}
