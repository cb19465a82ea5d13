/**
 * A cache-aside reader and a writer, written as processes that take one step — one operation against
 * the cache or the database — each time they are told to, so that a test or a widget can interleave them
 * in any order it likes and replay a race exactly. `interleave` is that scheduler.
 */
import type { Cache } from './cache';
import type { Database } from './database';
import { checkKey } from './keys';

/**
 * How the writer keeps the cache in step with the database, and how the reader fills the cache:
 * - `delete`: the writer deletes the cached value after writing; readers fill with a plain set.
 * - `update`: the writer sets the new value after writing; readers fill with a plain set.
 * - `versioned`: the writer invalidates with the version it wrote; readers fill with setVersioned.
 */
export type Strategy = 'delete' | 'update' | 'versioned';
export const STRATEGIES: readonly Strategy[] = ['delete', 'update', 'versioned'];

/** Something that runs one step at a time. */
export interface Process {
  /** True once the process has taken its last step. */
  readonly done: boolean;
  /** Takes the next step; does nothing once done. */
  step(): void;
}

/** A cache-aside read. */
export interface ReadProcess<V> extends Process {
  /** What the read returned once done: the cached value, the database's, or undefined when neither had one. */
  readonly result: V | undefined;
}

function checkStrategy(strategy: Strategy): Strategy {
  if (!STRATEGIES.includes(strategy)) throw new RangeError(`strategy must be 'delete', 'update' or 'versioned' (got ${String(strategy)})`);
  return strategy;
}

// #region reader
/**
 * A cache-aside read of `key`, in up to three steps:
 *   1. get the key from the cache; a value ends the read (a hit);
 *   2. read the row from the database; no row ends the read with undefined;
 *   3. put the row's value in the cache: setVersioned with the row's version under `versioned`, set otherwise.
 */
export function reader<V>(db: Database<V>, cache: Cache<V>, key: string, strategy: Strategy): ReadProcess<V> {
  checkKey(key);
  checkStrategy(strategy);
  let next = 1;
  let row: { value: V; version: number } | undefined;
  let result: V | undefined;
  const steps: Record<number, () => void> = {
    1: () => {
      result = cache.get(key);
      next = result === undefined ? 2 : 0;
    },
    2: () => {
      row = db.read(key);
      next = row === undefined ? 0 : 3;
    },
    3: () => {
      if (strategy === 'versioned') cache.setVersioned(key, row!.value, row!.version);
      else cache.set(key, row!.value);
      result = row!.value;
      next = 0;
    },
  };
  return {
    get done() {
      return next === 0;
    },
    get result() {
      return result;
    },
    step() {
      steps[next]?.();
    },
  };
}
// #endregion

// #region writer
/**
 * A write of `value` to `key`, in two steps: first the database, then the cache — delete, set the new
 * value, or invalidate with the version just written, as the strategy says.
 */
export function writer<V>(db: Database<V>, cache: Cache<V>, key: string, value: V, strategy: Strategy): Process {
  checkKey(key);
  checkStrategy(strategy);
  let next = 1;
  let version = 0;
  const steps: Record<number, () => void> = {
    1: () => {
      version = db.write(key, value);
      next = 2;
    },
    2: () => {
      if (strategy === 'delete') cache.delete(key);
      else if (strategy === 'update') cache.set(key, value);
      else cache.invalidate(key, version);
      next = 0;
    },
  };
  return {
    get done() {
      return next === 0;
    },
    step() {
      steps[next]?.();
    },
  };
}
// #endregion

// #region interleave
/**
 * The scheduler: each entry of `schedule` is an index into `processes`, and that process takes its next
 * step; entries naming a finished process are skipped. Then every process that has not finished runs to
 * its end, in the order of the array. An entry that is not the index of a process is a RangeError naming
 * `schedule`, thrown before any step is taken.
 */
export function interleave(processes: readonly Process[], schedule: readonly number[]): void {
  for (const [at, index] of schedule.entries()) {
    if (!(Number.isInteger(index) && index >= 0 && index < processes.length)) {
      throw new RangeError(`schedule[${at}] must be the index of a process (got ${index})`);
    }
  }
  for (const index of schedule) processes[index]!.step();
  for (const process of processes) while (!process.done) process.step();
}
// #endregion
