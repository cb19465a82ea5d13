import { describe, expect, it } from 'vitest';
import { VirtualTime } from './virtual-time';

describe('VirtualTime', () => {
  it('runs events in time order, ties in the order they were scheduled, and lets promise callbacks run in between', async () => {
    const time = new VirtualTime();
    const log: string[] = [];
    time.schedule(20, () => log.push(`b@${time.now()}`));
    time.schedule(10, () => log.push(`a@${time.now()}`));
    time.schedule(20, () => log.push(`c@${time.now()}`));
    void time.sleep(10).then(async () => {
      await Promise.resolve();
      log.push(`after a, at ${time.now()}`);
      time.schedule(5, () => log.push(`d@${time.now()}`));
    });
    await time.runUntil(30);
    expect(log).toEqual(['a@10', 'after a, at 10', 'd@15', 'b@20', 'c@20']);
    expect(time.now()).toBe(30);
    expect(time.pending).toBe(0);
  });

  it('settles a promise by running just the events it needs, and says how it ended', async () => {
    const time = new VirtualTime(100);
    const slow = time.sleep(50).then(() => 'done');
    time.schedule(500, () => undefined);
    expect(await time.settle(slow)).toEqual({ settled: true, ok: true, value: 'done' });
    expect(time.now()).toBe(150);
    const failing = time.sleep(5).then(() => Promise.reject(new Error('no')));
    const outcome = await time.settle(failing);
    expect(outcome.settled && !outcome.ok && (outcome.error as Error).message).toBe('no');
    expect(await time.settle(new Promise(() => undefined), 200)).toEqual({ settled: false });
    expect(time.pending).toBe(1);
  });

  it('rejects bad times', async () => {
    const time = new VirtualTime();
    expect(() => new VirtualTime(Number.NaN)).toThrow(/startMs/);
    expect(() => time.schedule(-1, () => undefined)).toThrow(/delayMs/);
    await expect(time.advance(Number.POSITIVE_INFINITY)).rejects.toThrow(/ms/);
    await time.advance(10);
    await expect(time.runUntil(5)).rejects.toThrow(/untilMs/);
  });
});
