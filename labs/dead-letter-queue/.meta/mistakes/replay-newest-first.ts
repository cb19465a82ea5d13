// Classic mistake: replaying by popping the dead-letter queue, so the newest dead letter goes back first.
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  override replay(ids?: string[]): number {
    const chosen = this.dead.filter((letter) => ids === undefined || ids.includes(letter.id)).reverse();
    this.dead = this.dead.filter((letter) => !chosen.includes(letter));
    for (const letter of chosen) this.waiting.push(this.revive(letter));
    return chosen.length;
  }
}
