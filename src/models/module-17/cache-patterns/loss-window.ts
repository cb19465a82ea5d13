/**
 * The lesson's worked example of write-behind's loss window: a steady stream of writes through the
 * course's WriteBehindCache, a timer calling tick(), and a crash at a chosen moment. Everything is
 * deterministic (evenly spaced writes, a manual clock), so the numbers the lesson prints are the model's.
 */
import { ManualClock } from '../../common/clock';
import type { CacheStore, Database } from './patterns';
import { WriteBehindCache } from './write-behind';

export interface LossWindowScenario {
  /** A name for the lesson's table. */
  label: string;
  /** Writes per second, evenly spaced from t = 0. */
  writesPerSecond: number;
  /** The writes go to keys 0, 1, …, keys − 1, 0, 1, … in turn. */
  keys: number;
  maxBatchSize: number;
  maxDelayMs: number;
  /** tick() is called at t = 0, tickEveryMs, 2·tickEveryMs, … (before any write at the same instant). */
  tickEveryMs: number;
  /** The cache crashes at this time, after every event before it. */
  crashAtMs: number;
  /** The database refuses every batch from `fromMs` (inclusive) until `untilMs` (exclusive). */
  outage?: { fromMs: number; untilMs: number };
}

export interface LossWindowResult {
  scenario: LossWindowScenario;
  /** set() calls that returned before the crash. */
  acknowledged: number;
  /** writeBatch calls the database accepted: round trips spent on writes. */
  batches: number;
  /** Flushes by the timer that the database refused (during an outage). */
  refusedFlushes: number;
  /** Rows the database received in those batches. */
  rowsWritten: number;
  /** Keys whose latest acknowledged value the crash lost (what crash() reported). */
  lostKeys: number;
  /** Acknowledged set() calls made after the last flush: none of them reached the database. */
  lostWrites: number;
  /** How long before the crash the oldest of those writes was acknowledged, in ms (0 when nothing was lost). */
  oldestLostAgeMs: number;
}

/** Runs one scenario through the course's WriteBehindCache. */
export function runLossWindow(scenario: LossWindowScenario): LossWindowResult {
  const { writesPerSecond, keys, maxBatchSize, maxDelayMs, tickEveryMs, crashAtMs, outage } = scenario;
  if (!(writesPerSecond > 0 && Number.isInteger(keys) && keys >= 1 && tickEveryMs > 0 && crashAtMs >= 0)) {
    throw new RangeError(`not a runnable scenario: ${JSON.stringify(scenario)}`);
  }
  const clock = new ManualClock();
  let batches = 0;
  let rowsWritten = 0;
  const db: Database<number> = {
    read: () => undefined,
    write: () => {
      throw new Error('a write-behind cache writes in batches');
    },
    writeBatch: (entries) => {
      const now = clock.now();
      if (outage && now >= outage.fromMs && now < outage.untilMs) throw new Error('the database is down');
      batches++;
      rowsWritten += entries.length;
    },
  };
  const map = new Map<string, number>();
  const store: CacheStore<number> = {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    delete: (key) => map.delete(key),
    clear: () => map.clear(),
  };
  const cache = new WriteBehindCache<number>({ store, db, clock, maxBatchSize, maxDelayMs });

  const gapMs = 1000 / writesPerSecond;
  let acknowledged = 0;
  let refusedFlushes = 0;
  let sinceFlush: number[] = [];
  let nextWrite = 0;
  let nextTick = 0;
  for (;;) {
    const writeAt = nextWrite * gapMs;
    const tickAt = nextTick * tickEveryMs;
    const at = Math.min(writeAt, tickAt);
    if (at >= crashAtMs) break;
    clock.set(at);
    const before = batches;
    if (tickAt <= writeAt) {
      try {
        cache.tick();
      } catch {
        // The database refused the batch: the writes stay pending, and the timer tries again next tick.
        refusedFlushes++;
      }
      nextTick++;
    } else {
      cache.set(`key-${nextWrite % keys}`, nextWrite);
      acknowledged++;
      sinceFlush.push(at);
      nextWrite++;
    }
    if (batches > before) sinceFlush = [];
  }
  clock.set(crashAtMs);
  const lost = cache.crash();
  return {
    scenario,
    acknowledged,
    batches,
    refusedFlushes,
    rowsWritten,
    lostKeys: lost.length,
    lostWrites: sinceFlush.length,
    oldestLostAgeMs: sinceFlush.length ? crashAtMs - sinceFlush[0]! : 0,
  };
}

/** The lesson's scenarios: age-bound, count-bound, hot keys that coalesce, and a database outage. */
export const LESSON_SCENARIOS: readonly LossWindowScenario[] = [
  { label: '50 writes/s to distinct keys', writesPerSecond: 50, keys: 1_000_000, maxBatchSize: 100, maxDelayMs: 1000, tickEveryMs: 100, crashAtMs: 10_990 },
  { label: '1,000 writes/s to distinct keys', writesPerSecond: 1000, keys: 1_000_000, maxBatchSize: 100, maxDelayMs: 1000, tickEveryMs: 100, crashAtMs: 10_990 },
  { label: '1,000 writes/s to 20 hot keys', writesPerSecond: 1000, keys: 20, maxBatchSize: 100, maxDelayMs: 1000, tickEveryMs: 100, crashAtMs: 10_990 },
  {
    label: '50 writes/s to distinct keys, database down from 5 s',
    writesPerSecond: 50,
    keys: 1_000_000,
    maxBatchSize: 100,
    maxDelayMs: 1000,
    tickEveryMs: 100,
    crashAtMs: 10_990,
    outage: { fromMs: 5000, untilMs: 60_000 },
  },
];
