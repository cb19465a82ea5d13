import { describe, expect, it } from 'vitest';
import { buildWalkthrough, canReplay, DEFAULT_PLAN, initialStep, type WalkthroughStep } from './dead-letter-walkthrough';

/** A step as one line: kind, delivery, queue (id/failures), acked, DLQ (id/attempts). */
function line(step: WalkthroughStep): string {
  const delivery = step.delivery ? ` ${step.delivery.id}#${step.delivery.attempt}` : '';
  const queue = step.queue.map((m) => `${m.id.slice(6)}/${m.failures}`).join(' ');
  const acked = step.acked.map((a) => a.slice(6)).join(' ');
  const dead = step.deadLetters.map((d) => `${d.id.slice(6)}/${d.attempts}`).join(' ');
  return `${step.kind}${delivery} | queue ${queue} | acked ${acked} | dlq ${dead}`.replace(/ +\|/g, ' |').trimEnd();
}

describe('buildWalkthrough', () => {
  it('retries the poison order at the back of the queue and dead-letters it after 3 attempts', async () => {
    const steps = await buildWalkthrough(DEFAULT_PLAN);
    expect(steps.map(line)).toEqual([
      'start | queue 1/0 2/0 3/0 4/0 5/0 | acked | dlq',
      'acked order-1#1 | queue 2/0 3/0 4/0 5/0 | acked 1 | dlq',
      'acked order-2#1 | queue 3/0 4/0 5/0 | acked 1 2 | dlq',
      'retried order-3#1 | queue 4/0 5/0 3/1 | acked 1 2 | dlq',
      'retried order-4#1 | queue 5/0 3/1 4/1 | acked 1 2 | dlq',
      'acked order-5#1 | queue 3/1 4/1 | acked 1 2 5 | dlq',
      'retried order-3#2 | queue 4/1 3/2 | acked 1 2 5 | dlq',
      'acked order-4#2 | queue 3/2 | acked 1 2 5 4 | dlq',
      'dead-lettered order-3#3 | queue | acked 1 2 5 4 | dlq 3/3',
    ]);
    expect(steps[3]!.narration).toContain('order-4 is next');
    expect(steps[8]!.narration).toContain('dead-letter queue');
    expect(steps[8]!.deadLetters[0]!.error).toBe('quantity "three" is not a number');
  });

  it('replays with the attempt count reset; the fixed consumer acks the order, the unfixed one dead-letters it again', async () => {
    const fixed = await buildWalkthrough({ maxAttempts: 3, replays: [{ fixFirst: true }] });
    expect(fixed.slice(9).map(line)).toEqual([
      'replayed | queue 3/0 | acked 1 2 5 4 | dlq',
      'acked order-3#1 | queue | acked 1 2 5 4 3 | dlq',
    ]);
    const unfixed = await buildWalkthrough({ maxAttempts: 3, replays: [{ fixFirst: false }] });
    expect(unfixed.slice(9).map(line)).toEqual([
      'replayed | queue 3/0 | acked 1 2 5 4 | dlq',
      'retried order-3#1 | queue 3/1 | acked 1 2 5 4 | dlq',
      'retried order-3#2 | queue 3/2 | acked 1 2 5 4 | dlq',
      'dead-lettered order-3#3 | queue | acked 1 2 5 4 | dlq 3/3',
    ]);
  });

  it('with one attempt, dead-letters the transient failure too, and a replay recovers it even unfixed', async () => {
    const steps = await buildWalkthrough({ maxAttempts: 1, replays: [{ fixFirst: false }] });
    expect(steps.map(line)).toEqual([
      'start | queue 1/0 2/0 3/0 4/0 5/0 | acked | dlq',
      'acked order-1#1 | queue 2/0 3/0 4/0 5/0 | acked 1 | dlq',
      'acked order-2#1 | queue 3/0 4/0 5/0 | acked 1 2 | dlq',
      'dead-lettered order-3#1 | queue 4/0 5/0 | acked 1 2 | dlq 3/1',
      'dead-lettered order-4#1 | queue 5/0 | acked 1 2 | dlq 3/1 4/1',
      'acked order-5#1 | queue | acked 1 2 5 | dlq 3/1 4/1',
      'replayed | queue 3/0 4/0 | acked 1 2 5 | dlq',
      'dead-lettered order-3#1 | queue 4/0 | acked 1 2 5 | dlq 3/1',
      'acked order-4#1 | queue | acked 1 2 5 4 | dlq 3/1',
    ]);
  });

  it('starts with the same step that initialStep renders on the server', async () => {
    for (const maxAttempts of [1, 3, 5]) {
      const steps = await buildWalkthrough({ maxAttempts, replays: [] });
      expect(steps[0]).toEqual(initialStep(maxAttempts));
    }
  });

  it('rejects a number of attempts the widget does not offer, naming maxAttempts', async () => {
    expect(() => initialStep(0)).toThrow(/maxAttempts/);
    await expect(buildWalkthrough({ maxAttempts: 2.5, replays: [] })).rejects.toThrow(RangeError);
  });
});

describe('canReplay', () => {
  it('allows a replay only from the last step, and only when the dead-letter queue holds something', async () => {
    const steps = await buildWalkthrough(DEFAULT_PLAN);
    expect(canReplay(steps, steps.length - 1)).toBe(true);
    expect(canReplay(steps, steps.length - 2)).toBe(false);
    const after = await buildWalkthrough({ maxAttempts: 3, replays: [{ fixFirst: true }] });
    expect(canReplay(after, after.length - 1)).toBe(false);
  });
});
