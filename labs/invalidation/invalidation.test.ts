// Autograder for the invalidation lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade invalidation
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { ManualClock } from '../../src/models/common/clock';
import { Cache, Database, interleave, reader, writer, type Process, type Strategy } from './invalidation';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

/** Calls `call` and checks that it throws a TypeError whose message mentions `argument`. */
function expectTypeError(what: string, call: () => unknown, argument: string): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof TypeError)) assert.fail(`${what} should throw a TypeError naming "${argument}", but it threw ${describeValue(error)}`);
    if (!error.message.includes(argument)) {
      assert.fail(`${what} threw a TypeError, but its message should name "${argument}"; it said: ${JSON.stringify(error.message)}`);
    }
    return;
  }
  assert.fail(`${what} should throw a TypeError naming "${argument}", but it returned ${describeValue(result)}`);
}

/** Checks that a call does not throw. */
function expectAccepted(what: string, call: () => unknown): void {
  try {
    call();
  } catch (error) {
    assert.fail(`${what} is valid and should be accepted, but it threw ${describeValue(error)}`);
  }
}

/** A fresh database, holding `initial` (version 1) for `key` when given, and a cache on a manual clock. */
function setup(options: { ttlMs?: number; guardMs?: number; initial?: string } = {}) {
  const clock = new ManualClock(0);
  const db = new Database<string>();
  const cache = new Cache<string>({ clock, ttlMs: options.ttlMs ?? 60_000, guardMs: options.guardMs ?? 0 });
  if (options.initial !== undefined) db.write('k', options.initial);
  return { clock, db, cache };
}

/** The cache holds a value for `key` that is not the database's current value. */
function stale(db: Database<string>, cache: Cache<string>, key = 'k'): boolean {
  const cached = cache.get(key);
  return cached !== undefined && cached !== db.read(key)?.value;
}

/** Says what the cache and the database hold, for messages. */
function state(db: Database<string>, cache: Cache<string>, key = 'k'): string {
  return `the cache holds ${describeValue(cache.get(key))} and the database ${describeValue(db.read(key)?.value)}`;
}

/** Takes `n` steps of a process. */
function steps(process: Process, n: number): void {
  for (let i = 0; i < n; i++) process.step();
}

/**
 * Every order in which processes with the given numbers of steps can take them: sequences of process
 * indices in which index i appears counts[i] times.
 */
function interleavings(counts: readonly number[]): number[][] {
  const out: number[][] = [];
  const left = [...counts];
  const path: number[] = [];
  const walk = (): void => {
    if (left.every((n) => n === 0)) {
      out.push([...path]);
      return;
    }
    left.forEach((n, i) => {
      if (n === 0) return;
      left[i]!--;
      path.push(i);
      walk();
      path.pop();
      left[i]!++;
    });
  };
  walk();
  return out;
}

/** A schedule written with r (the reader, process 0) and w (the writer, process 1), e.g. "rrwwr". */
const letters = (schedule: number[], names = 'rw'): string => schedule.map((i) => names[i]).join('');

describe('Database', () => {
  it("numbers each key's versions from 1 and reads back the latest row", () => {
    const db = new Database<string>();
    expectExactly("read('a') before any write", db.read('a'), undefined);
    expectExactly("the first write('a', 'x')", db.write('a', 'x'), 1);
    expectExactly("the second write('a', 'y')", db.write('a', 'y'), 2);
    expectExactly("the first write('b', 'z'), another key", db.write('b', 'z'), 1);
    expectExactly("read('a').value after two writes", db.read('a')?.value, 'y');
    expectExactly("read('a').version after two writes", db.read('a')?.version, 2);
    expectExactly("read('b').version", db.read('b')?.version, 1);
    const copy = db.read('a');
    if (copy) copy.value = 'changed by the caller';
    expectExactly("read('a').value after the caller changed the row it was given", db.read('a')?.value, 'y');
  });

  it('rejects a key that is not a string with a TypeError naming key', () => {
    const db = new Database<string>();
    expectTypeError('write(42, …)', () => db.write(42 as unknown as string, 'x'), 'key');
    expectTypeError('read(undefined)', () => db.read(undefined as unknown as string), 'key');
  });
});

describe('Cache', () => {
  it('rejects a bad ttlMs or guardMs with a RangeError naming it, and accepts Infinity as ttlMs', () => {
    const clock = new ManualClock(0);
    for (const ttlMs of [Number.NaN, 0, -5]) {
      expectRangeError(`new Cache({ ttlMs: ${ttlMs} })`, () => new Cache({ clock, ttlMs }), 'ttlMs');
    }
    for (const guardMs of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expectRangeError(`new Cache({ ttlMs: 1000, guardMs: ${guardMs} })`, () => new Cache({ clock, ttlMs: 1000, guardMs }), 'guardMs');
    }
    expectAccepted('new Cache({ ttlMs: Infinity })', () => new Cache({ clock, ttlMs: Number.POSITIVE_INFINITY }));
    expectAccepted('new Cache({ ttlMs: 0.5, guardMs: 0 })', () => new Cache({ clock, ttlMs: 0.5, guardMs: 0 }));
  });

  it('rejects a key that is not a string, and a version that is not an integer >= 1, naming the argument', () => {
    const { cache } = setup();
    const bad = 7 as unknown as string;
    expectTypeError('get(7)', () => cache.get(bad), 'key');
    expectTypeError("set(7, 'x')", () => cache.set(bad, 'x'), 'key');
    expectTypeError('delete(7)', () => cache.delete(bad), 'key');
    expectTypeError("setVersioned(7, 'x', 1)", () => cache.setVersioned(bad, 'x', 1), 'key');
    expectTypeError('invalidate(7, 1)', () => cache.invalidate(bad, 1), 'key');
    for (const version of [0, 1.5, Number.NaN, -1]) {
      expectRangeError(`setVersioned('k', 'x', ${version})`, () => cache.setVersioned('k', 'x', version), 'version');
      expectRangeError(`invalidate('k', ${version})`, () => cache.invalidate('k', version), 'version');
    }
    expectExactly("get('k') after the calls that threw", cache.get('k'), undefined);
  });

  it('get returns what set stored, and undefined for a key never set', () => {
    const { cache } = setup();
    expectExactly("get('k') on an empty cache", cache.get('k'), undefined);
    expectExactly("set('k', 'a')", cache.set('k', 'a'), true);
    expectExactly("get('k') after set('k', 'a')", cache.get('k'), 'a');
    cache.set('k', 'b');
    expectExactly("get('k') after set('k', 'b') replaced it", cache.get('k'), 'b');
    expectExactly("get('other')", cache.get('other'), undefined);
  });

  it('a value expires exactly ttlMs after the set that stored it', () => {
    const { clock, cache } = setup({ ttlMs: 100 });
    clock.set(1000);
    cache.set('k', 'a');
    clock.set(1099);
    expectExactly("get('k') 99 ms after a set with ttlMs 100", cache.get('k'), 'a');
    clock.set(1100);
    expectExactly("get('k') exactly 100 ms after the set", cache.get('k'), undefined);
    clock.set(1000 + 100 + 50);
    cache.setVersioned('v', 'b', 1);
    clock.advance(99.5);
    expectExactly("get('v') 99.5 ms after setVersioned", cache.get('v'), 'b');
    clock.advance(0.5);
    expectExactly("get('v') exactly 100 ms after setVersioned", cache.get('v'), undefined);
  });

  it('reading does not extend a value’s life, and a new set restarts it', () => {
    const { clock, cache } = setup({ ttlMs: 100 });
    cache.set('k', 'a');
    for (let t = 10; t < 100; t += 10) {
      clock.set(t);
      cache.get('k');
    }
    clock.set(100);
    expectExactly("get('k') at 100 ms, after reads every 10 ms of a value set at 0 with ttlMs 100", cache.get('k'), undefined);
    clock.set(150);
    cache.set('k', 'b');
    clock.set(249);
    expectExactly("get('k') at 249 ms, for a value set again at 150", cache.get('k'), 'b');
    clock.set(250);
    expectExactly("get('k') at 250 ms", cache.get('k'), undefined);
  });

  it('delete removes the value', () => {
    const { cache } = setup();
    cache.set('k', 'a');
    cache.set('other', 'b');
    cache.delete('k');
    expectExactly("get('k') after delete('k')", cache.get('k'), undefined);
    expectExactly("get('other'), which was not deleted", cache.get('other'), 'b');
    cache.delete('never-set');
    expectExactly("get('never-set') after deleting a key that had no value", cache.get('never-set'), undefined);
  });

  it('after a delete, set is refused until guardMs have passed, and accepted from then on', () => {
    const { clock, cache } = setup({ guardMs: 2000 });
    cache.set('k', 'a');
    clock.set(500);
    cache.delete('k');
    clock.set(2499);
    expectExactly("set('k', 'b') 1999 ms after a delete, with guardMs 2000", cache.set('k', 'b'), false);
    expectExactly("get('k') after the refused set", cache.get('k'), undefined);
    clock.set(2500);
    expectExactly("set('k', 'c') exactly 2000 ms after the delete", cache.set('k', 'c'), true);
    expectExactly("get('k') after that set", cache.get('k'), 'c');
  });

  it('the guard is per key and only follows a delete; with no guardMs, set works right after a delete', () => {
    const guarded = setup({ guardMs: 1000 });
    guarded.cache.delete('k');
    expectExactly("set('other', 'x') just after delete('k')", guarded.cache.set('other', 'x'), true);
    expectExactly("get('other')", guarded.cache.get('other'), 'x');
    expectExactly("set('fresh', 'y') on a key never deleted", guarded.cache.set('fresh', 'y'), true);
    const plain = setup();
    plain.cache.set('k', 'a');
    plain.cache.delete('k');
    expectExactly("set('k', 'b') right after a delete when guardMs is left out", plain.cache.set('k', 'b'), true);
    expectExactly("get('k')", plain.cache.get('k'), 'b');
  });

  it('setVersioned stores a first version, an equal one and any newer one', () => {
    const { cache } = setup();
    expectExactly("setVersioned('k', 'v3', 3) on an empty cache", cache.setVersioned('k', 'v3', 3), true);
    expectExactly("get('k')", cache.get('k'), 'v3');
    expectExactly("setVersioned('k', 'v3 again', 3), the same version", cache.setVersioned('k', 'v3 again', 3), true);
    expectExactly("get('k') after the equal version", cache.get('k'), 'v3 again');
    expectExactly("setVersioned('k', 'v7', 7)", cache.setVersioned('k', 'v7', 7), true);
    expectExactly("get('k') after version 7", cache.get('k'), 'v7');
  });

  it('setVersioned refuses a version older than the one it holds, and keeps the newer value', () => {
    const { cache } = setup();
    cache.setVersioned('k', 'v5', 5);
    expectExactly("setVersioned('k', 'v4', 4) when version 5 is cached", cache.setVersioned('k', 'v4', 4), false);
    expectExactly("get('k') after the refused older version", cache.get('k'), 'v5');
    expectExactly("setVersioned('k', 'v1', 1)", cache.setVersioned('k', 'v1', 1), false);
    expectExactly("get('k')", cache.get('k'), 'v5');
    expectExactly("setVersioned('other', 'o1', 1): versions are per key", cache.setVersioned('other', 'o1', 1), true);
  });

  it('invalidate removes the value and refuses older versions, but accepts the version it recorded', () => {
    const { cache } = setup();
    cache.setVersioned('k', 'v1', 1);
    cache.invalidate('k', 2);
    expectExactly("get('k') after invalidate('k', 2)", cache.get('k'), undefined);
    expectExactly("setVersioned('k', 'v1', 1) after invalidate('k', 2): the stale set", cache.setVersioned('k', 'v1', 1), false);
    expectExactly("get('k') after the refused stale set", cache.get('k'), undefined);
    expectExactly("setVersioned('k', 'v2', 2), a read of the row the writer wrote", cache.setVersioned('k', 'v2', 2), true);
    expectExactly("get('k') after it", cache.get('k'), 'v2');
    cache.invalidate('fresh', 1);
    expectExactly("setVersioned('fresh', 'f1', 1) after invalidate('fresh', 1) on a key never cached", cache.setVersioned('fresh', 'f1', 1), true);
  });

  it('an older invalidate does not lower the recorded version', () => {
    const { cache } = setup();
    cache.invalidate('k', 4);
    cache.invalidate('k', 2);
    expectExactly("setVersioned('k', 'v3', 3) after invalidate('k', 4) then invalidate('k', 2)", cache.setVersioned('k', 'v3', 3), false);
    cache.setVersioned('k', 'v6', 6);
    cache.invalidate('k', 5);
    expectExactly("get('k') after invalidate('k', 5) removed version 6", cache.get('k'), undefined);
    expectExactly("setVersioned('k', 'v5', 5) after that", cache.setVersioned('k', 'v5', 5), false);
    expectExactly("setVersioned('k', 'v6', 6)", cache.setVersioned('k', 'v6', 6), true);
  });

  it('the version record outlives the value: after the value expires, an older version is still refused', () => {
    const { clock, cache } = setup({ ttlMs: 100 });
    cache.setVersioned('k', 'v3', 3);
    clock.advance(150);
    expectExactly("get('k') after its TTL", cache.get('k'), undefined);
    expectExactly("setVersioned('k', 'v2', 2) after version 3 expired", cache.setVersioned('k', 'v2', 2), false);
    expectExactly("setVersioned('k', 'v3', 3) after version 3 expired", cache.setVersioned('k', 'v3', 3), true);
  });

  it('for any sequence of setVersioned and invalidate, a set succeeds exactly when it is not older, and the cache never holds an older value than it was told of', () => {
    const op = fc.record({ invalidate: fc.boolean(), version: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { cache } = setup({ ttlMs: Number.POSITIVE_INFINITY });
        let newest = 0;
        let held: number | undefined;
        ops.forEach(({ invalidate, version }, i) => {
          const where = `At step ${i + 1} (${ops.slice(0, i + 1).map((o) => `${o.invalidate ? 'invalidate' : 'setVersioned'} v${o.version}`).join(', ')})`;
          if (invalidate) {
            cache.invalidate('k', version);
            held = undefined;
          } else {
            const stored = cache.setVersioned('k', `v${version}`, version);
            if (stored !== version >= newest) {
              throw new Error(`${where}, setVersioned returned ${describeValue(stored)}, but the newest version recorded was ${newest}`);
            }
            if (stored) held = version;
          }
          newest = Math.max(newest, version);
          const got = cache.get('k');
          const want = held === undefined ? undefined : `v${held}`;
          if (got !== want) throw new Error(`${where}, get('k') returned ${describeValue(got)}, but it should be ${describeValue(want)}`);
        });
      }),
      property,
    );
  });
});

describe('reader and writer', () => {
  it('a reader on a hit returns the cached value in one step, without reading the database', () => {
    for (const strategy of ['delete', 'update', 'versioned'] as const) {
      const { db, cache } = setup({ initial: 'in the database' });
      cache.set('k', 'cached');
      const read = reader(db, cache, 'k', strategy);
      read.step();
      expectExactly(`done after one step of a '${strategy}' read that hits`, read.done, true);
      expectExactly(`result of the '${strategy}' read`, read.result, 'cached');
    }
  });

  it('a reader on a miss gets, then reads the database, then fills the cache, one step each', () => {
    for (const strategy of ['delete', 'update', 'versioned'] as const) {
      const { db, cache } = setup({ initial: 'v1' });
      const read = reader(db, cache, 'k', strategy);
      expectExactly(`done of a new '${strategy}' read, before any step`, read.done, false);
      steps(read, 2);
      expectExactly(`done after two steps of a '${strategy}' read that missed`, read.done, false);
      expectExactly(`the cache after two steps of a '${strategy}' read (it fills the cache only in its third)`, cache.get('k'), undefined);
      read.step();
      expectExactly(`done after three steps of a '${strategy}' read`, read.done, true);
      expectExactly(`result of the '${strategy}' read`, read.result, 'v1');
      expectExactly(`the cache after the '${strategy}' read`, cache.get('k'), 'v1');
    }
    // Under 'versioned' the fill carries the row's version: an older version cannot replace it.
    const { db, cache } = setup({ initial: 'v1' });
    db.write('k', 'v2');
    interleave([reader(db, cache, 'k', 'versioned')], []);
    expectExactly("setVersioned('k', 'v1', 1) after a versioned read filled version 2", cache.setVersioned('k', 'v1', 1), false);
  });

  it('a reader of a key the database does not have returns undefined and fills nothing', () => {
    const { db, cache } = setup();
    const read = reader(db, cache, 'missing', 'delete');
    steps(read, 2);
    expectExactly("done after two steps of a read of a key the database does not have", read.done, true);
    expectExactly('its result', read.result, undefined);
    expectExactly("get('missing')", cache.get('missing'), undefined);
  });

  it('a writer writes the database in its first step, then deletes, updates or invalidates the cache', () => {
    const after: Record<Strategy, string | undefined> = { delete: undefined, update: 'new', versioned: undefined };
    for (const strategy of ['delete', 'update', 'versioned'] as const) {
      const { db, cache } = setup({ initial: 'old' });
      cache.setVersioned('k', 'old', 1);
      const write = writer(db, cache, 'k', 'new', strategy);
      expectExactly(`the database before the '${strategy}' writer's first step`, db.read('k')?.value, 'old');
      write.step();
      expectExactly(`the database after the '${strategy}' writer's first step`, db.read('k')?.value, 'new');
      expectExactly(`the cache after the '${strategy}' writer's first step`, cache.get('k'), 'old');
      expectExactly(`done after one step of the '${strategy}' writer`, write.done, false);
      write.step();
      expectExactly(`done after two steps`, write.done, true);
      expectExactly(`the cache after the '${strategy}' writer's second step`, cache.get('k'), after[strategy]);
    }
    const { db, cache } = setup({ initial: 'old' });
    interleave([writer(db, cache, 'k', 'new', 'versioned')], []);
    expectExactly("setVersioned('k', 'old', 1) after a versioned writer wrote version 2", cache.setVersioned('k', 'old', 1), false);
    expectExactly("setVersioned('k', 'new', 2), the row it wrote", cache.setVersioned('k', 'new', 2), true);
  });

  it('reader and writer reject an unknown strategy and a key that is not a string', () => {
    const { db, cache } = setup();
    expectRangeError("reader(db, cache, 'k', 'write-through')", () => reader(db, cache, 'k', 'write-through' as Strategy), 'strategy');
    expectRangeError("writer(db, cache, 'k', 'x', 'refresh')", () => writer(db, cache, 'k', 'x', 'refresh' as Strategy), 'strategy');
    expectTypeError("reader(db, cache, 3, 'delete')", () => reader(db, cache, 3 as unknown as string, 'delete'), 'key');
    expectTypeError("writer(db, cache, null, 'x', 'delete')", () => writer(db, cache, null as unknown as string, 'x', 'delete'), 'key');
  });
});

describe('interleave', () => {
  it("runs the steps in the schedule's order, skips finished processes, then finishes the rest in array order", () => {
    // Two writers of the same key: whoever writes the database first gets version 1.
    const { db, cache } = setup();
    const a = writer(db, cache, 'k', 'a', 'update');
    const b = writer(db, cache, 'k', 'b', 'update');
    interleave([a, b], [1, 0]);
    expectExactly('version of the row after the schedule [1, 0] (b writes first, then a)', db.read('k')?.version, 2);
    expectExactly('the database after [1, 0] and the rest: a wrote last', db.read('k')?.value, 'a');
    expectExactly('the cache, after a then b (in array order) finished by setting their values', cache.get('k'), 'b');
    expectExactly('a.done and b.done', a.done && b.done, true);

    const second = setup({ initial: 'v0' });
    const r = reader(second.db, second.cache, 'k', 'delete');
    const w = writer(second.db, second.cache, 'k', 'v1', 'delete');
    second.cache.set('k', 'v0');
    // r hits in one step and w ends after two; their later entries are skipped.
    interleave([r, w], [0, 0, 0, 1, 1, 1, 0]);
    expectExactly('result of the reader, which hit the cached v0', r.result, 'v0');
    expectExactly('the cache after the writer deleted', second.cache.get('k'), undefined);
    expectExactly('the database', second.db.read('k')?.value, 'v1');
  });

  it("rejects a schedule entry that is not a process's index, before taking any step", () => {
    for (const bad of [2, -1, 0.5, Number.NaN]) {
      const { db, cache } = setup({ initial: 'v0' });
      const w = writer(db, cache, 'k', 'v1', 'delete');
      const r = reader(db, cache, 'k', 'delete');
      expectRangeError(`interleave([w, r], [0, ${bad}])`, () => interleave([w, r], [0, bad]), 'schedule');
      expectExactly(`the database after interleave([w, r], [0, ${bad}]) threw`, db.read('k')?.value, 'v0');
    }
  });
});

describe('races', () => {
  it("delete: the stale-set race — the reader reads, the writer writes and deletes, and the reader's set puts the old value back", () => {
    const { db, cache } = setup({ initial: 'old' });
    const r = reader(db, cache, 'k', 'delete');
    const w = writer(db, cache, 'k', 'new', 'delete');
    interleave([r, w], [0, 0, 1, 1, 0]);
    expectExactly(`after r r w w r under 'delete', ${state(db, cache)}; the cache`, cache.get('k'), 'old');
    expectExactly('the database', db.read('k')?.value, 'new');
  });

  it("delete: of the ten interleavings of one reader and one writer, only the race (r r w w r) leaves the cache stale", () => {
    const staleOnes: string[] = [];
    const all = interleavings([3, 2]);
    for (const schedule of all) {
      const { db, cache } = setup({ initial: 'old' });
      interleave([reader(db, cache, 'k', 'delete'), writer(db, cache, 'k', 'new', 'delete')], schedule);
      if (stale(db, cache)) staleOnes.push(letters(schedule));
    }
    expectExactly(`the interleavings (of ${all.length}) that leave the cache stale under 'delete'`, staleOnes.join(', '), 'rrwwr');
  });

  it('update: two writers leave the cache stale exactly when their cache updates land in the opposite order to their database writes', () => {
    const staleOnes: string[] = [];
    for (const schedule of interleavings([2, 2])) {
      const { db, cache } = setup({ initial: 'old' });
      interleave([writer(db, cache, 'k', 'a', 'update'), writer(db, cache, 'k', 'b', 'update')], schedule);
      if (stale(db, cache)) staleOnes.push(letters(schedule, 'ab'));
    }
    expectExactly("the interleavings of writers a and b (of 6) that leave the cache stale under 'update'", staleOnes.join(', '), 'abba, baab');
  });

  it('a delete guard stops the stale set if it comes within guardMs of the delete, but not later', () => {
    for (const [gap, wantStale] of [
      [999, false],
      [1000, true],
    ] as const) {
      const { clock, db, cache } = setup({ initial: 'old', guardMs: 1000 });
      const r = reader(db, cache, 'k', 'delete');
      const w = writer(db, cache, 'k', 'new', 'delete');
      // The race by hand (interleave would finish the reader at once): get, read, write, delete at time 0…
      steps(r, 2);
      steps(w, 2);
      clock.advance(gap);
      r.step(); // …and the reader's set, `gap` ms after the delete.
      expectExactly(`stale, when the reader's set comes ${gap} ms after a delete with guardMs 1000 (${state(db, cache)})`, stale(db, cache), wantStale);
    }
  });

  it('versioned: the stale-set race and the two-writer race both end with no stale value', () => {
    const one = setup({ initial: 'old' });
    interleave([reader(one.db, one.cache, 'k', 'versioned'), writer(one.db, one.cache, 'k', 'new', 'versioned')], [0, 0, 1, 1, 0]);
    expectExactly(`stale after r r w w r under 'versioned' (${state(one.db, one.cache)})`, stale(one.db, one.cache), false);
    const two = setup({ initial: 'old' });
    two.cache.setVersioned('k', 'old', 1);
    interleave([writer(two.db, two.cache, 'k', 'a', 'versioned'), writer(two.db, two.cache, 'k', 'b', 'versioned')], [0, 1, 1, 0]);
    expectExactly(`stale after a b b a under 'versioned' (${state(two.db, two.cache)})`, stale(two.db, two.cache), false);
    const later = reader(two.db, two.cache, 'k', 'versioned');
    interleave([later], []);
    expectExactly('a read after both writers', later.result, 'b');
    expectExactly('the cache after that read', two.cache.get('k'), 'b');
  });

  it('versioned: no interleaving of readers and writers leaves a stale value, and a read afterwards returns the latest write', () => {
    const groups: { readers: number; writers: number }[] = [
      { readers: 1, writers: 2 },
      { readers: 2, writers: 1 },
    ];
    for (const { readers, writers } of groups) {
      const names = 'r'.repeat(readers) + 'abc'.slice(0, writers);
      for (const schedule of interleavings([...Array<number>(readers).fill(3), ...Array<number>(writers).fill(2)])) {
        const { db, cache } = setup({ initial: 'old' });
        const processes: Process[] = [
          ...Array.from({ length: readers }, () => reader(db, cache, 'k', 'versioned')),
          ...Array.from({ length: writers }, (_, i) => writer(db, cache, 'k', `write ${'abc'[i]}`, 'versioned')),
        ];
        interleave(processes, schedule);
        const order = schedule.map((i) => names[i]).join('');
        if (stale(db, cache)) assert.fail(`Under 'versioned', the interleaving ${order} (r: a reader's step; a, b: a writer's) left the cache stale: ${state(db, cache)}`);
        const after = reader(db, cache, 'k', 'versioned');
        interleave([after], []);
        if (after.result !== db.read('k')?.value) {
          assert.fail(`Under 'versioned', after the interleaving ${order}, a new read returned ${describeValue(after.result)}, but the database holds ${describeValue(db.read('k')?.value)}`);
        }
      }
    }
  });

  it('delete and versioned: a read that runs entirely between a writer’s two steps leaves nothing stale', () => {
    for (const strategy of ['delete', 'versioned'] as const) {
      const { db, cache } = setup({ initial: 'old' });
      const w = writer(db, cache, 'k', 'new', strategy);
      const r = reader(db, cache, 'k', strategy);
      interleave([w, r], [0, 1, 1, 1, 0]);
      expectExactly(`stale after w r r r w under '${strategy}' (${state(db, cache)})`, stale(db, cache), false);
    }
  });
});
