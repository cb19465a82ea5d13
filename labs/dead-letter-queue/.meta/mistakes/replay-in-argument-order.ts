// Subtle mistake: replaying in the order the ids are listed rather than the order the messages were dead-lettered.
import type { DeadLetter } from '../solution';
import { PlainRetryQueue } from '../support/plain-retry-queue';
export * from '../solution';

export class RetryQueue<T> extends PlainRetryQueue<T> {
  override replay(ids?: string[]): number {
    const chosen = ids === undefined ? [...this.dead] : ids.map((id) => this.dead.find((d) => d.id === id)).filter((d): d is DeadLetter<T> => d !== undefined);
    const unique = [...new Set(chosen)];
    this.dead = this.dead.filter((letter) => !unique.includes(letter));
    for (const letter of unique) this.waiting.push(this.revive(letter));
    return unique.length;
  }
}
