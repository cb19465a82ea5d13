// Classic mistake: one report kept on the queue for its whole life, so each drain reports the earlier drains too.
import type { DrainReport } from '../solution';
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  readonly #report: DrainReport<T> = { acked: [], deadLettered: [] };

  protected override newReport(): DrainReport<T> {
    return this.#report;
  }
}
