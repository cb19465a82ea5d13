import { describe, expect, it } from 'vitest';
import { AFTER_WINDOW_S, DEFAULT_METASTABLE, simulateMetastable, type MetastableSettings, type RetryMode } from './metastable';

const run = (changes: Partial<MetastableSettings> = {}) => simulateMetastable({ ...DEFAULT_METASTABLE, ...changes });
const modes: RetryMode[] = ['none', 'immediate', 'backoff', 'throttled'];

describe('simulateMetastable', () => {
  it('gives the same run for the same settings and seed, and a different one for another seed', () => {
    expect(run()).toEqual(run());
    expect(run({ seed: 7 }).points).not.toEqual(run().points);
  });

  it('the default spike leaves the system down without a retry budget and recovering with one', () => {
    const backoff = run({ retry: 'backoff' });
    const throttled = run({ retry: 'throttled' });
    // Before the spike nobody times out at 70 % utilization: goodput is the offered load.
    expect(backoff.goodput.before).toBeGreaterThan(65);
    expect(backoff.goodput.before).toBeLessThan(75);
    expect(backoff.goodput.after).toBeLessThan(1);
    expect(backoff.recovered).toBe(false);
    expect(throttled.goodput.after).toBeGreaterThan(0.9 * throttled.goodput.before);
    expect(throttled.recovered).toBe(true);
    // Stuck: three attempts per request (210/s) against 100/s of capacity, so the queue keeps growing.
    const end = backoff.points.at(-1)!;
    expect(end.offered).toBeGreaterThan(180);
    expect(end.queue).toBeGreaterThan(10_000);
  });

  it('recovers without retries, and stays down with immediate retries, after the same spike', () => {
    expect(run({ retry: 'none' }).recovered).toBe(true);
    expect(run({ retry: 'immediate' }).recovered).toBe(false);
  });

  it('a slowdown of the server is a trigger too', () => {
    const slowdown = { kind: 'slowdown', capacityLost: 0.5, startS: 30, durationS: 10 } as const;
    expect(run({ trigger: slowdown, retry: 'backoff' }).recovered).toBe(false);
    expect(run({ trigger: slowdown, retry: 'throttled' }).recovered).toBe(true);
  });

  it('a system with headroom for every retry recovers whatever the policy', () => {
    // 30/s × 3 attempts = 90/s < 100/s: even if every attempt timed out, the queue would drain.
    for (const retry of modes) expect(run({ offeredLoad: 30, retry }).recovered, retry).toBe(true);
  });

  it('keeps its books: every attempt is sent once, served at most once, and answered in time at most once', () => {
    for (const retry of modes) {
      const { points, totals } = run({ retry });
      const sent = points.reduce((sum, p) => sum + p.offered * DEFAULT_METASTABLE.bucketS, 0);
      const retried = points.reduce((sum, p) => sum + p.retries * DEFAULT_METASTABLE.bucketS, 0);
      const good = points.reduce((sum, p) => sum + p.goodput * DEFAULT_METASTABLE.bucketS, 0);
      expect(Math.round(sent)).toBe(totals.attempts);
      expect(Math.round(sent - retried)).toBe(totals.requests);
      expect(Math.round(good)).toBe(totals.succeeded);
      expect(totals.served).toBe(totals.succeeded + totals.wasted);
      expect(totals.served + points.at(-1)!.queue).toBeLessThanOrEqual(totals.attempts);
      expect(totals.attempts).toBeLessThanOrEqual(totals.requests * (retry === 'none' ? 1 : DEFAULT_METASTABLE.maxAttempts));
      if (retry === 'none') expect(retried).toBe(0);
      // Goodput can never beat the server: allow for the randomness of exponential service times.
      for (const p of points) expect(p.goodput).toBeLessThanOrEqual(DEFAULT_METASTABLE.capacity * 2);
    }
  });

  it('the throttle stops nearly all retries while everything fails', () => {
    const backoff = run({ retry: 'backoff' }).totals;
    const throttled = run({ retry: 'throttled' }).totals;
    expect(backoff.attempts - backoff.requests).toBeGreaterThan(10_000);
    // Each of the 10 clients may retry until its bucket of 10 is down to 5, then only at about a tenth of its successes.
    expect(throttled.attempts - throttled.requests).toBeLessThan(500);
  });

  it('measures "after" over the last minute of the run', () => {
    const { points, goodput } = run({ retry: 'throttled' });
    const last = points.filter((p) => p.timeS > DEFAULT_METASTABLE.durationS - AFTER_WINDOW_S);
    expect(goodput.after).toBeCloseTo(last.reduce((s, p) => s + p.goodput, 0) / last.length, 12);
  });

  it('rejects settings it cannot run, naming the field', () => {
    expect(() => run({ capacity: 0 })).toThrow(/capacity/);
    expect(() => run({ offeredLoad: -1 })).toThrow(/offeredLoad/);
    expect(() => run({ timeoutS: Number.NaN })).toThrow(/timeoutS/);
    expect(() => run({ maxAttempts: 6 })).toThrow(/maxAttempts/);
    expect(() => run({ clients: 0 })).toThrow(/clients/);
    expect(() => run({ bucketS: 7 })).toThrow(/bucketS/);
    expect(() => run({ trigger: { kind: 'spike', extraLoad: 10, startS: 100, durationS: 30 } })).toThrow(/trigger/);
    expect(() => run({ trigger: { kind: 'slowdown', capacityLost: 1, startS: 30, durationS: 10 } })).toThrow(/capacityLost/);
  });
});
