// Classic mistake: describing a non-Error with Object.prototype.toString, which gives "[object Object]" (or "[object String]") and loses what it said.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  protected override describe(error: unknown): string {
    return error instanceof Error ? error.message : Object.prototype.toString.call(error);
  }
}
