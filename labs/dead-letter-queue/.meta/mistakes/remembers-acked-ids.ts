// Over-eager: refusing every id ever published, although an acked message is gone and its id may be used again.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  readonly #ever = new Set<string>();

  override publish(id: string, body: T): void {
    if (this.#ever.has(id)) throw new RangeError(`"${id}" was published before`);
    super.publish(id, body);
    this.#ever.add(id);
  }
}
