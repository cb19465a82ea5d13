// Tempting mistake: delivering everything that is waiting at once with Promise.all, so deliveries overlap.
import type { DrainReport } from '../solution';
import { PlainRetryQueue, type Handler } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  override async drain(handler: Handler<T>): Promise<DrainReport<T>> {
    this.beginDrain();
    const report = this.newReport();
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        const failures = await Promise.all(batch.map((message) => this.deliver(handler, message)));
        batch.forEach((message, i) => {
          const failure = failures[i];
          if (failure === undefined) return this.recordAck(report, message.id);
          message.failures += 1;
          if (!this.exhausted(message.failures)) return this.requeue(message);
          const letter = { id: message.id, body: message.body, attempts: message.failures, error: this.describe(failure.error) };
          this.dead.push(letter);
          report.deadLettered.push({ ...letter });
        });
      }
    } finally {
      this.draining = false;
    }
    return report;
  }
}
