import { describe, expect, it } from 'vitest';
import { LESSON_SCENARIOS, runLossWindow } from './loss-window';

describe('the lesson\'s loss-window scenarios', () => {
  // The lesson quotes these numbers in its text; if the model changes, this test says which to update.
  it('give the numbers the lesson quotes', () => {
    const results = LESSON_SCENARIOS.map((s) => {
      const { scenario: _, ...rest } = runLossWindow(s);
      return rest;
    });
    expect(results).toEqual([
      { acknowledged: 550, batches: 10, refusedFlushes: 0, rowsWritten: 500, lostKeys: 50, lostWrites: 50, oldestLostAgeMs: 990 },
      { acknowledged: 10_990, batches: 109, refusedFlushes: 0, rowsWritten: 10_900, lostKeys: 90, lostWrites: 90, oldestLostAgeMs: 90 },
      { acknowledged: 10_990, batches: 10, refusedFlushes: 0, rowsWritten: 200, lostKeys: 20, lostWrites: 990, oldestLostAgeMs: 990 },
      { acknowledged: 550, batches: 4, refusedFlushes: 60, rowsWritten: 200, lostKeys: 350, lostWrites: 350, oldestLostAgeMs: 6990 },
    ]);
  });

  it('never loses a write older than maxDelayMs + one tick while the database is up', () => {
    for (const crashAtMs of [1, 999, 1000, 1099, 1100, 2345, 5000]) {
      const r = runLossWindow({ label: 't', writesPerSecond: 37, keys: 1e6, maxBatchSize: 1000, maxDelayMs: 1000, tickEveryMs: 100, crashAtMs });
      expect(r.oldestLostAgeMs).toBeLessThanOrEqual(1100);
    }
  });

  it('refuses a scenario it cannot run', () => {
    expect(() => runLossWindow({ ...LESSON_SCENARIOS[0]!, writesPerSecond: 0 })).toThrow(RangeError);
  });
});
