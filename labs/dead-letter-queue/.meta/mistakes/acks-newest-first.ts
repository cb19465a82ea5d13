// Classic mistake: adding each ack to the front of the report, so acks are listed newest first.
import type { DrainReport } from '../solution';
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override recordAck(report: DrainReport<T>, id: string): void {
    report.acked.unshift(id);
  }
}
