/**
 * Lab: Invalidation: versions, guards and the stale-set race.
 *
 * Build a database that versions its rows, a cache with a TTL and two defences against stale values (a
 * "recently deleted" guard and versions), and a cache-aside reader and a writer that take one step at a
 * time, so that a scheduler can interleave them and replay a race exactly. Then run
 * `npm run grade invalidation`.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 *
 * Time is never read from Date.now: the cache reads the `clock` it is given (the tests give it a clock
 * they move by hand). Times are in milliseconds.
 *
 * Bad input:
 * - a key that is not a string (in any method or function that takes one) throws a TypeError whose
 *   message names `key`, e.g. `new TypeError('key must be a string (got number)')`;
 * - a version that is not an integer >= 1 throws a RangeError naming `version`;
 * - a `ttlMs` that is not a number > 0 (NaN, 0, negative; Infinity is fine and means no expiry) and a
 *   `guardMs` that is not a finite number >= 0 make the Cache constructor throw a RangeError naming it;
 * - an unknown strategy throws a RangeError naming `strategy`, and a schedule entry that is not the
 *   index of a process throws a RangeError naming `schedule`.
 */

/** A source of the current time, in milliseconds. */
export interface Clock {
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// 1. The database
// ---------------------------------------------------------------------------------------------

/** A row as the database holds it. */
export interface Row<V> {
  value: V;
  /** 1 for the first write of the key, then one more per write: 2, 3, … */
  version: number;
}

/** The source of truth. Each key's row has a version that grows by one with every write. */
export class Database<V> {
  constructor() {
    // TODO: keep the rows, per key.
    throw new Error('not implemented: Database');
  }

  /** The key's current row (a copy: changing it changes nothing here), or undefined if the key was never written. */
  read(key: string): Row<V> | undefined {
    throw new Error('not implemented: Database.read');
  }

  /** Stores `value` as the key's new row and returns the row's new version: 1 for a key never written, else the old version + 1. */
  write(key: string, value: V): number {
    throw new Error('not implemented: Database.write');
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The cache
// ---------------------------------------------------------------------------------------------

/** Options of a {@link Cache}. */
export interface CacheOptions {
  /** Where the time comes from. */
  clock: Clock;
  /** How long a value lives after the set that stored it, in ms: a number > 0, or Infinity for no expiry. */
  ttlMs: number;
  /** How long after delete(key) a plain set(key, …) is refused, in ms: a finite number >= 0. 0 (no guard) when left out. */
  guardMs?: number;
}

/**
 * A look-aside cache. Two pairs of operations keep stale values out, and they do not mix: `set` and
 * `delete` never read or change versions, and `setVersioned` and `invalidate` never meet the guard.
 *
 * - TTL: a value stored at time t (by `set` or `setVersioned`) is returned by `get` while now < t + ttlMs,
 *   and from t + ttlMs on it is gone. Reading it does not extend its life; storing it again restarts it.
 * - Guard: `delete(key)` at time d removes the value and, when guardMs > 0, refuses every `set(key, …)`
 *   while now < d + guardMs. From d + guardMs on, `set` works again. Other keys are not affected.
 * - Versions: for each key the cache records the newest version it has seen, through `setVersioned`
 *   or `invalidate`. The record never goes down, and it outlives the value: it stays after the value
 *   expires or is invalidated. `setVersioned` refuses a version lower than the record; a version equal to
 *   it or higher is stored.
 */
export class Cache<V> {
  constructor(options: CacheOptions) {
    // TODO: check ttlMs and guardMs (RangeError naming them) and keep the options.
    throw new Error('not implemented: Cache');
  }

  /** The key's value, or undefined when there is none or it has expired. */
  get(key: string): V | undefined {
    throw new Error('not implemented: Cache.get');
  }

  /**
   * Stores `value` for the key, with a fresh TTL, and returns true — unless a delete less than guardMs
   * ago still guards the key: then it returns false and changes nothing.
   */
  set(key: string, value: V): boolean {
    throw new Error('not implemented: Cache.set');
  }

  /** Removes the key's value (if any) and, when guardMs > 0, guards the key against `set` for guardMs from now. */
  delete(key: string): void {
    throw new Error('not implemented: Cache.delete');
  }

  /**
   * Stores `value`, read from the database row's `version`, with a fresh TTL, records the version and
   * returns true — unless `version` is lower than the newest version recorded for the key: then it
   * returns false and changes nothing.
   */
  setVersioned(key: string, value: V, version: number): boolean {
    throw new Error('not implemented: Cache.setVersioned');
  }

  /**
   * Removes the key's value (if any) and records `version` — the version the writer has just written —
   * as the newest seen for the key, unless the record is already higher.
   */
  invalidate(key: string, version: number): void {
    throw new Error('not implemented: Cache.invalidate');
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Readers, writers and the scheduler
// ---------------------------------------------------------------------------------------------

/**
 * How the writer keeps the cache in step with the database, and how the reader fills the cache:
 * - `delete`: the writer deletes the key from the cache after writing; the reader fills with `set`.
 * - `update`: the writer `set`s the new value after writing; the reader fills with `set`.
 * - `versioned`: the writer `invalidate`s with the version it wrote; the reader fills with `setVersioned`.
 */
export type Strategy = 'delete' | 'update' | 'versioned';

/**
 * Something that runs one step at a time. Creating a process does nothing yet; each call of `step()`
 * does exactly one operation against the cache or the database.
 */
export interface Process {
  /** True once the process has taken its last step. */
  readonly done: boolean;
  /** Takes the next step; does nothing once the process is done. */
  step(): void;
}

/** A cache-aside read. */
export interface ReadProcess<V> extends Process {
  /** Once done: the value the read returned (the cache's on a hit, else the database's), or undefined when neither had one. */
  readonly result: V | undefined;
}

/**
 * A cache-aside read of `key`, in up to three steps:
 *   1. `cache.get(key)`; a value ends the read: that value is the result (a hit);
 *   2. `db.read(key)`; no row ends the read with the result undefined;
 *   3. fill the cache with the row: `cache.setVersioned(key, row.value, row.version)` under `versioned`,
 *      `cache.set(key, row.value)` otherwise. The result is row.value, whether or not the cache took it.
 */
export function reader<V>(db: Database<V>, cache: Cache<V>, key: string, strategy: Strategy): ReadProcess<V> {
  throw new Error('not implemented: reader');
}

/**
 * A write of `value` to `key`, in two steps:
 *   1. `db.write(key, value)`, which gives the new version;
 *   2. `cache.delete(key)` under `delete`, `cache.set(key, value)` under `update`, and
 *      `cache.invalidate(key, version)` with the version from step 1 under `versioned`.
 */
export function writer<V>(db: Database<V>, cache: Cache<V>, key: string, value: V, strategy: Strategy): Process {
  throw new Error('not implemented: writer');
}

/**
 * The scheduler. Each entry of `schedule` is the index of a process in `processes`, and that process
 * takes its next step; an entry naming a process that has finished is skipped. After the schedule,
 * every process that has not finished runs to its end, one after another in the order of the array.
 * Every entry is checked before any step is taken: one that is not the index of a process (negative, too
 * large, not a whole number) is a RangeError naming `schedule`.
 *
 * @example interleave([r, w], [0, 0, 1, 1, 0]) // r, r, w, w, r: the stale-set race
 */
export function interleave(processes: readonly Process[], schedule: readonly number[]): void {
  throw new Error('not implemented: interleave');
}
