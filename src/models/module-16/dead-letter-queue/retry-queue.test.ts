// The retry queue's behaviour is graded by the dead-letter-queue lab's tests (labs/dead-letter-queue),
// which `npm run test:labs` runs against this model. These tests cover what the lab leaves open.
import { describe, expect, it } from 'vitest';
import { describeFailure, RetryQueue } from './retry-queue';

describe('RetryQueue (beyond the lab contract)', () => {
  it('counts the message being delivered in depth until it settles', async () => {
    const queue = new RetryQueue<string>({ maxAttempts: 2 });
    queue.publish('a', 'A');
    queue.publish('b', 'B');
    const seen: number[] = [];
    await queue.drain(() => {
      seen.push(queue.depth);
    });
    expect(seen).toEqual([2, 1]);
  });

  it('keeps a message whose failure cannot even be turned into text at the head, and rejects the drain', async () => {
    const queue = new RetryQueue<string>({ maxAttempts: 1 });
    queue.publish('a', 'A');
    queue.publish('b', 'B');
    // An object with no prototype has no toString, so String() throws a TypeError.
    await expect(queue.drain((_b, _n, id) => (id === 'a' ? Promise.reject(Object.create(null)) : undefined))).rejects.toThrow(TypeError);
    expect(queue.depth).toBe(2);
    const again = await queue.drain(() => undefined);
    expect(again.acked).toEqual(['a', 'b']);
  });
});

describe('describeFailure', () => {
  it("uses an Error's message and String() for anything else", () => {
    expect(describeFailure(new RangeError('too big'))).toBe('too big');
    expect(describeFailure('plain text')).toBe('plain text');
    expect(describeFailure(undefined)).toBe('undefined');
    expect(describeFailure({ toString: () => 'custom' })).toBe('custom');
  });
});
