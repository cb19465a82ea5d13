// Autograder for the cache-patterns lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade cache-patterns
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { ManualClock } from '../../src/models/common/clock';
import {
  cacheAsideRead,
  cacheAsideWrite,
  LruCache,
  ReadThroughCache,
  WriteBehindCache,
  WriteThroughCache,
  type CacheStats,
  type CacheStore,
  type Database,
  type LostWrite,
} from './cache-patterns';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261201, numRuns: 300, includeErrorInReport: true } as const;

/** Calls `call` and checks that it throws a TypeError whose message names `argument`. */
function expectTypeError(what: string, call: () => unknown, argument: string): void {
  let thrown: unknown;
  let threw = false;
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (!threw) assert.fail(`${what} should throw a TypeError naming "${argument}", but it returned ${describeValue(result)}`);
  if (!(thrown instanceof TypeError)) assert.fail(`${what} should throw a TypeError naming "${argument}", but it threw ${describeValue(thrown)}`);
  if (!thrown.message.includes(argument)) {
    assert.fail(`${what} threw a TypeError, but its message should name "${argument}"; it said: ${JSON.stringify(thrown.message)}`);
  }
}

/** Checks that `call` does not throw. */
function expectAccepted(what: string, call: () => unknown): void {
  try {
    call();
  } catch (error) {
    assert.fail(`${what} is valid and should be accepted, but it threw ${describeValue(error)}`);
  }
}

/** Compares two values through their JSON text, with a message in words. */
function expectSame(what: string, got: unknown, want: unknown): void {
  expectExactly(what, describeValue(got), describeValue(want));
}

/** A cache's counters, read through stats(), as one line. */
function expectStats(what: string, cache: LruCache<unknown>, want: CacheStats): void {
  const got = cache.stats() as Partial<CacheStats> | undefined;
  const pick = { hits: got?.hits, misses: got?.misses, evictions: got?.evictions, expirations: got?.expirations };
  expectSame(`${what}: stats()`, pick, want);
}

/**
 * The tests' database: rows in a Map, and a count of every call. `failWrites` makes write and writeBatch
 * throw (changing nothing); `duringWrite` runs inside a write or batch, before or after the rows change,
 * to play a second client whose request overlaps this one.
 */
class CountingDb<V> implements Database<V> {
  readonly rows: Map<string, V>;
  reads = 0;
  writes = 0;
  batches: Array<Array<[string, V]>> = [];
  failWrites = false;
  readonly error = new Error('the database refused the write');
  duringWrite: { when: 'before' | 'after'; run: () => void } | undefined;

  constructor(rows: Record<string, V> = {}) {
    this.rows = new Map(Object.entries(rows));
  }

  read(key: string): V | undefined {
    this.reads++;
    return this.rows.get(key);
  }

  write(key: string, value: V): void {
    this.writes++;
    this.apply([[key, value]]);
  }

  writeBatch(entries: ReadonlyArray<readonly [key: string, value: V]>): void {
    const copy = entries.map(([k, v]) => [k, v] as [string, V]);
    this.apply(copy, () => this.batches.push(copy));
  }

  private apply(entries: Array<readonly [string, V]>, accepted?: () => void): void {
    if (this.failWrites) throw this.error;
    const hook = this.duringWrite;
    this.duringWrite = undefined;
    if (hook?.when === 'before') hook.run();
    for (const [k, v] of entries) this.rows.set(k, v);
    accepted?.();
    if (hook?.when === 'after') hook.run();
  }

  /** The rows of every batch so far, sorted by key within each batch. */
  batchRows(): string[][] {
    return this.batches.map((b) => b.map(([k, v]) => `${k}=${String(v)}`).sort());
  }
}

/** The tests' cache store: a plain Map, or, when `forgetful`, one that keeps nothing (as if it evicted everything at once). */
class MapStore<V> implements CacheStore<V> {
  readonly map = new Map<string, V>();
  constructor(private readonly forgetful = false) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (!this.forgetful) this.map.set(key, value);
  }
  delete(key: string): boolean {
    return this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

const lru = (capacity: number, clock = new ManualClock(), defaultTtlMs?: number): LruCache<string> =>
  new LruCache<string>(defaultTtlMs === undefined ? { capacity, clock } : { capacity, clock, defaultTtlMs });

describe('LruCache', () => {
  it('rejects a capacity that is not an integer >= 1 and a defaultTtlMs that is not a number > 0, with a RangeError naming it', () => {
    const clock = new ManualClock();
    for (const capacity of [-1, 0, 2.5, Number.NaN]) {
      expectRangeError(`new LruCache({ capacity: ${capacity}, clock })`, () => new LruCache({ capacity, clock }), 'capacity');
    }
    for (const defaultTtlMs of [Number.NaN, 0, -5]) {
      expectRangeError(`new LruCache({ capacity: 2, clock, defaultTtlMs: ${defaultTtlMs} })`, () => new LruCache({ capacity: 2, clock, defaultTtlMs }), 'defaultTtlMs');
    }
    expectAccepted('new LruCache({ capacity: 1, clock, defaultTtlMs: Infinity })', () => new LruCache({ capacity: 1, clock, defaultTtlMs: Number.POSITIVE_INFINITY }));
    expectAccepted('new LruCache({ capacity: 3, clock, defaultTtlMs: 0.5 })', () => new LruCache({ capacity: 3, clock, defaultTtlMs: 0.5 }));
  });

  it('rejects a key that is not a string (TypeError naming key), a ttlMs that is not > 0 (RangeError naming ttlMs) and the value undefined (TypeError naming value)', () => {
    const cache = lru(2);
    const anyCache = cache as unknown as { get(key: unknown): unknown; set(key: unknown, value: unknown, ttlMs?: number): void; delete(key: unknown): boolean };
    expectTypeError('get(42)', () => anyCache.get(42), 'key');
    expectTypeError('set(undefined, "v")', () => anyCache.set(undefined, 'v'), 'key');
    expectTypeError('delete({})', () => anyCache.delete({}), 'key');
    for (const ttlMs of [Number.NaN, 0, -1]) expectRangeError(`set("a", "v", ${ttlMs})`, () => cache.set('a', 'v', ttlMs), 'ttlMs');
    expectTypeError('set("a", undefined)', () => anyCache.set('a', undefined), 'value');
    expectExactly('size after five calls that threw', cache.size, 0);
    expectAccepted('set("a", "v", Infinity)', () => cache.set('a', 'v', Number.POSITIVE_INFINITY));
  });

  it('returns what was set, undefined for a key never set, and forgets a deleted key (delete is true once, then false)', () => {
    const cache = lru(3);
    expectExactly('size of a new cache', cache.size, 0);
    expectExactly('get("a") on a new cache', cache.get('a'), undefined);
    cache.set('a', 'apple');
    cache.set('b', 'banana');
    expectExactly('get("a")', cache.get('a'), 'apple');
    cache.set('a', 'apricot');
    expectExactly('get("a") after set("a", "apricot")', cache.get('a'), 'apricot');
    expectExactly('size after setting a twice and b once', cache.size, 2);
    expectExactly('delete("a")', cache.delete('a'), true);
    expectExactly('get("a") after delete("a")', cache.get('a'), undefined);
    expectExactly('delete("a") a second time', cache.delete('a'), false);
    expectExactly('delete("zzz"), never set,', cache.delete('zzz'), false);
    expectExactly('size after the delete', cache.size, 1);
    cache.clear();
    expectExactly('size after clear()', cache.size, 0);
    expectExactly('get("b") after clear()', cache.get('b'), undefined);
  });

  it('holds at most capacity entries: one key more evicts exactly one entry', () => {
    const cache = lru(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key.toUpperCase());
    expectExactly('size with 3 keys in a cache of capacity 3', cache.size, 3);
    expectSame('keys() with nothing evicted yet', cache.keys(), ['a', 'b', 'c']);
    cache.set('d', 'D');
    expectExactly('size after a 4th key in a cache of capacity 3', cache.size, 3);
    expectExactly('get("a"), the least recently used when d arrived', cache.get('a'), undefined);
    for (const key of ['b', 'c', 'd']) expectExactly(`get("${key}")`, cache.get(key), key.toUpperCase());
    const one = lru(1);
    one.set('x', 'X');
    one.set('y', 'Y');
    expectExactly('size of a cache of capacity 1 after two keys', one.size, 1);
    expectExactly('get("y") in that cache', one.get('y'), 'Y');
    expectExactly('get("x") in that cache', one.get('x'), undefined);
  });

  it('evicts the least recently used entry, and a hit makes an entry the most recently used (not insertion order)', () => {
    const cache = lru(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key);
    expectExactly('get("a")', cache.get('a'), 'a');
    expectSame('keys() after a hit on a: least recently used first', cache.keys(), ['b', 'c', 'a']);
    cache.set('d', 'd');
    expectSame('keys() after set("d"): b, the least recently used, was evicted', cache.keys(), ['c', 'a', 'd']);
    expectExactly('get("c")', cache.get('c'), 'c');
    cache.get('zzz');
    cache.set('e', 'e');
    expectSame('keys() after a hit on c, a miss, and set("e"): a, the least recently used, was evicted', cache.keys(), ['d', 'c', 'e']);
    expectExactly('get("a")', cache.get('a'), undefined);
  });

  it('replacing the value of a key makes it the most recently used and evicts nothing', () => {
    const cache = lru(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key);
    cache.set('a', 'a2');
    expectExactly('size after replacing a in a full cache', cache.size, 3);
    expectSame('keys() after replacing a', cache.keys(), ['b', 'c', 'a']);
    expectStats('after three keys and one replacement', cache, { hits: 0, misses: 0, evictions: 0, expirations: 0 });
    cache.set('d', 'd');
    expectExactly('get("b"), the least recently used once a was replaced', cache.get('b'), undefined);
    expectExactly('get("a")', cache.get('a'), 'a2');
  });

  it('counts a hit for each get that finds a live entry and a miss for every other get', () => {
    const clock = new ManualClock();
    const cache = lru(2, clock);
    cache.get('a');
    cache.set('a', 'A');
    cache.get('a');
    cache.get('a');
    cache.get('b');
    expectStats('after a miss, two hits and a miss', cache, { hits: 2, misses: 2, evictions: 0, expirations: 0 });
    cache.delete('a');
    cache.get('a');
    expectStats('after a get of a deleted key', cache, { hits: 2, misses: 3, evictions: 0, expirations: 0 });
    cache.keys();
    void cache.size;
    expectStats('after keys() and size, which are neither hits nor misses', cache, { hits: 2, misses: 3, evictions: 0, expirations: 0 });
    const copy = cache.stats();
    copy.hits = 99;
    expectExactly('stats().hits after changing an earlier copy', cache.stats().hits, 2);
  });

  it('counts an eviction only for an entry pushed out to make room (not a replacement, a delete or a clear)', () => {
    const cache = lru(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('b', 'B2');
    cache.delete('a');
    cache.set('c', 'C');
    expectStats('after filling, replacing and deleting without ever running out of room', cache, { hits: 0, misses: 0, evictions: 0, expirations: 0 });
    cache.set('d', 'D');
    cache.set('e', 'E');
    expectStats('after two keys that each pushed one out', cache, { hits: 0, misses: 0, evictions: 2, expirations: 0 });
    cache.clear();
    expectStats('after clear()', cache, { hits: 0, misses: 0, evictions: 2, expirations: 0 });
  });

  it('an entry is live until ttlMs have passed since its write, and expired from exactly then (now >= written + ttl)', () => {
    const clock = new ManualClock(1000);
    const cache = lru(4, clock);
    cache.set('a', 'A', 100);
    clock.set(1099);
    expectExactly('get("a") 99 ms after a write with ttlMs 100', cache.get('a'), 'A');
    clock.set(1100);
    expectExactly('get("a") exactly 100 ms after the write', cache.get('a'), undefined);
    cache.set('b', 'B', 0.5);
    clock.advance(0.5);
    expectExactly('get("b") exactly 0.5 ms after a write with ttlMs 0.5', cache.get('b'), undefined);
  });

  it('measures the TTL from the write: reading an entry does not extend its life', () => {
    const clock = new ManualClock();
    const cache = lru(4, clock);
    cache.set('a', 'A', 100);
    for (const at of [30, 60, 90, 99]) {
      clock.set(at);
      expectExactly(`get("a") at ${at} ms (written at 0 with ttlMs 100)`, cache.get('a'), 'A');
    }
    clock.set(100);
    expectExactly('get("a") at 100 ms, after reads at 30, 60, 90 and 99 ms', cache.get('a'), undefined);
  });

  it('writing a key again starts a new TTL, with that write\'s ttlMs or the cache\'s defaultTtlMs', () => {
    const clock = new ManualClock();
    const cache = lru(4, clock, 50);
    cache.set('a', 'A1', 100);
    clock.set(80);
    cache.set('a', 'A2', 100);
    clock.set(179);
    expectExactly('get("a") at 179 ms, rewritten at 80 ms with ttlMs 100', cache.get('a'), 'A2');
    clock.set(180);
    expectExactly('get("a") at 180 ms', cache.get('a'), undefined);
    cache.set('b', 'B1', 1000);
    clock.set(200);
    cache.set('b', 'B2');
    clock.set(249);
    expectExactly('get("b") at 249 ms, rewritten at 200 ms with no ttlMs (defaultTtlMs 50)', cache.get('b'), 'B2');
    clock.set(250);
    expectExactly('get("b") at 250 ms', cache.get('b'), undefined);
  });

  it('uses defaultTtlMs when set gives no ttlMs, and never expires an entry when neither is given', () => {
    const clock = new ManualClock();
    const withDefault = lru(4, clock, 200);
    const without = lru(4, clock);
    withDefault.set('a', 'A');
    without.set('a', 'A');
    clock.set(199);
    expectExactly('get("a") at 199 ms with defaultTtlMs 200', withDefault.get('a'), 'A');
    clock.set(200);
    expectExactly('get("a") at 200 ms with defaultTtlMs 200', withDefault.get('a'), undefined);
    clock.set(1e12);
    expectExactly('get("a") after 10^12 ms with no TTL at all', without.get('a'), 'A');
    withDefault.set('b', 'B', Number.POSITIVE_INFINITY);
    clock.advance(1e12);
    expectExactly('get("b") written with ttlMs Infinity, 10^12 ms later', withDefault.get('b'), 'B');
  });

  it('a get of an expired entry returns undefined and counts a miss and an expiration, not a hit', () => {
    const clock = new ManualClock();
    const cache = lru(4, clock);
    cache.set('a', 'A', 10);
    clock.set(10);
    expectExactly('get("a") once its TTL has run out', cache.get('a'), undefined);
    expectStats('after one read of an expired entry', cache, { hits: 0, misses: 1, evictions: 0, expirations: 1 });
    expectExactly('get("a") a second time', cache.get('a'), undefined);
    expectStats('after a second read of it: a plain miss, the entry expired once', cache, { hits: 0, misses: 2, evictions: 0, expirations: 1 });
    expectExactly('delete("a") of the expired entry', cache.delete('a'), false);
  });

  it('counts an expiration for every entry whose TTL ran out, read or not, and leaves it out of size and keys', () => {
    const clock = new ManualClock();
    const cache = lru(5, clock);
    cache.set('a', 'A', 10);
    cache.set('b', 'B', 20);
    cache.set('c', 'C');
    clock.set(15);
    expectExactly('size at 15 ms (a expired at 10 ms)', cache.size, 2);
    expectSame('keys() at 15 ms', cache.keys(), ['b', 'c']);
    clock.set(20);
    expectStats('at 20 ms, with nothing read', cache, { hits: 0, misses: 0, evictions: 0, expirations: 2 });
    cache.set('d', 'D', 5);
    clock.set(30);
    cache.clear();
    expectStats('after d also expired, then clear()', cache, { hits: 0, misses: 0, evictions: 0, expirations: 3 });
  });

  it('expired entries take no room: a new key in a cache whose entries have expired evicts nothing', () => {
    const clock = new ManualClock();
    const cache = lru(2, clock);
    cache.set('a', 'A', 10);
    cache.set('b', 'B');
    clock.set(10);
    cache.set('c', 'C');
    expectExactly('get("b") after adding c to a cache of 2 that held b and the expired a', cache.get('b'), 'B');
    expectExactly('get("c")', cache.get('c'), 'C');
    expectStats('counters', cache, { hits: 2, misses: 0, evictions: 0, expirations: 1 });
    cache.set('d', 'D');
    expectSame('keys() after a 3rd live key in a cache of 2', cache.keys(), ['c', 'd']);
  });

  it('agrees with the rules on random sequences of gets, sets, deletes, clears and clock moves', () => {
    type Op =
      | { kind: 'get' | 'delete'; key: string }
      | { kind: 'set'; key: string; ttlMs: number | undefined }
      | { kind: 'advance'; ms: number }
      | { kind: 'clear' };
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('get' as const), key }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), key, ttlMs: fc.constantFrom(undefined, 1, 3, 10, Number.POSITIVE_INFINITY) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.constantFrom(undefined, 2, 5), fc.array(op, { maxLength: 60 }), (capacity, defaultTtlMs, ops) => {
        const clock = new ManualClock();
        const cache = new LruCache<number>(defaultTtlMs === undefined ? { capacity, clock } : { capacity, clock, defaultTtlMs });
        // The rules, spelled out: the live entries, least recently used first.
        let live: Array<{ key: string; value: number; expiresAt: number }> = [];
        const want: CacheStats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };
        const sweep = (): void => {
          const now = clock.now();
          want.expirations += live.filter((e) => now >= e.expiresAt).length;
          live = live.filter((e) => now < e.expiresAt);
        };
        ops.forEach((step, index) => {
          const where = `With capacity ${capacity} and defaultTtlMs ${defaultTtlMs}, at step ${index + 1} (${describeValue(step)}, time ${clock.now()} ms)`;
          if (step.kind === 'advance') clock.advance(step.ms);
          sweep();
          if (step.kind === 'get') {
            const at = live.findIndex((e) => e.key === step.key);
            const expected = at < 0 ? undefined : live[at]!.value;
            if (at < 0) want.misses++;
            else {
              want.hits++;
              live.push(live.splice(at, 1)[0]!);
            }
            const got = cache.get(step.key);
            if (got !== expected) throw new Error(`${where}, get returned ${describeValue(got)} instead of ${describeValue(expected)}`);
          } else if (step.kind === 'set') {
            const at = live.findIndex((e) => e.key === step.key);
            if (at >= 0) live.splice(at, 1);
            else if (live.length >= capacity) {
              live.shift();
              want.evictions++;
            }
            const ttl = step.ttlMs ?? defaultTtlMs ?? Number.POSITIVE_INFINITY;
            live.push({ key: step.key, value: index, expiresAt: clock.now() + ttl });
            if (step.ttlMs === undefined) cache.set(step.key, index);
            else cache.set(step.key, index, step.ttlMs);
          } else if (step.kind === 'delete') {
            const at = live.findIndex((e) => e.key === step.key);
            if (at >= 0) live.splice(at, 1);
            const got = cache.delete(step.key);
            if (got !== at >= 0) throw new Error(`${where}, delete returned ${describeValue(got)} instead of ${at >= 0}`);
          } else if (step.kind === 'clear') {
            live = [];
            cache.clear();
          }
          const keys = describeValue(cache.keys());
          const wantKeys = describeValue(live.map((e) => e.key));
          if (keys !== wantKeys) throw new Error(`${where}, keys() is ${keys}, but the live keys, least recently used first, are ${wantKeys}`);
          if (cache.size !== live.length) throw new Error(`${where}, size is ${cache.size}, but ${live.length} entries are live`);
          const stats = cache.stats();
          const got = describeValue({ hits: stats.hits, misses: stats.misses, evictions: stats.evictions, expirations: stats.expirations });
          if (got !== describeValue(want)) throw new Error(`${where}, stats() is ${got}, but should be ${describeValue(want)}`);
        });
      }),
      property,
    );
  });
});

describe('cacheAsideRead', () => {
  it('a hit costs no database read; a miss reads the database once and fills the cache; a key the database lacks is not cached', () => {
    const db = new CountingDb<string>({ 'user:1': 'Ada' });
    const store = new MapStore<string>();
    expectExactly('cacheAsideRead of user:1 (a miss)', cacheAsideRead(store, db, 'user:1'), 'Ada');
    expectExactly('database reads after the miss', db.reads, 1);
    expectExactly('the store after the miss: its value of user:1', store.map.get('user:1'), 'Ada');
    expectExactly('cacheAsideRead of user:1 again (a hit)', cacheAsideRead(store, db, 'user:1'), 'Ada');
    expectExactly('database reads after the hit', db.reads, 1);
    expectExactly('cacheAsideRead of user:2, which the database does not have', cacheAsideRead(store, db, 'user:2'), undefined);
    expectExactly('the store after that: does it have user:2?', store.map.has('user:2'), false);
    expectExactly('database writes after three reads', db.writes + db.batches.length, 0);
  });
});

describe('cacheAsideWrite', () => {
  it('writes the database, then deletes the key from the cache, so the next read fetches the new value from the database', () => {
    const db = new CountingDb<string>({ 'user:1': 'Ada' });
    const store = new MapStore<string>();
    cacheAsideRead(store, db, 'user:1');
    cacheAsideWrite(store, db, 'user:1', 'Ada Lovelace');
    expectExactly('database writes after one cacheAsideWrite', db.writes, 1);
    expectExactly("the database's user:1", db.rows.get('user:1'), 'Ada Lovelace');
    expectExactly('the store after the write: does it still have user:1?', store.map.has('user:1'), false);
    const reads = db.reads;
    expectExactly('cacheAsideRead of user:1 after the write', cacheAsideRead(store, db, 'user:1'), 'Ada Lovelace');
    expectExactly('database reads made by that read', db.reads - reads, 1);
    db.failWrites = true;
    let thrown: unknown;
    try {
      cacheAsideWrite(store, db, 'user:1', 'refused');
    } catch (error) {
      thrown = error;
    }
    expectExactly('what cacheAsideWrite threw when the database refused the write', thrown, db.error);
  });

  it('deletes after the database write, so a read that runs during the write cannot leave the old value cached', () => {
    const db = new CountingDb<string>({ 'user:1': 'old' });
    const store = new MapStore<string>();
    cacheAsideRead(store, db, 'user:1');
    let during: string | undefined;
    // Another client reads user:1 while this write is on its way to the database.
    db.duringWrite = { when: 'before', run: () => void (during = cacheAsideRead(store, db, 'user:1')) };
    cacheAsideWrite(store, db, 'user:1', 'new');
    expectExactly('what the overlapping read saw (the write had not reached the database yet)', during, 'old');
    expectExactly('cacheAsideRead of user:1 once the write has returned', cacheAsideRead(store, db, 'user:1'), 'new');
  });

  it('deletes rather than updates, so two overlapping writers cannot leave the older value cached', () => {
    const db = new CountingDb<string>({ 'user:1': 'v0' });
    const store = new MapStore<string>();
    cacheAsideRead(store, db, 'user:1');
    // A second writer's whole write lands between the first writer's database write and its cache step.
    db.duringWrite = { when: 'after', run: () => cacheAsideWrite(store, db, 'user:1', 'v2') };
    cacheAsideWrite(store, db, 'user:1', 'v1');
    expectExactly("the database's user:1 (v2 was written last)", db.rows.get('user:1'), 'v2');
    expectExactly('cacheAsideRead of user:1 after both writes', cacheAsideRead(store, db, 'user:1'), 'v2');
  });
});

describe('ReadThroughCache', () => {
  it('get: a hit costs no database read; a miss reads the database once and fills the store; a key the database lacks is not cached', () => {
    const db = new CountingDb<string>({ 'sku:7': 'lamp' });
    const store = new MapStore<string>();
    const cache = new ReadThroughCache<string>({ store, db });
    expectExactly('get("sku:7") (a miss)', cache.get('sku:7'), 'lamp');
    expectExactly('database reads after the miss', db.reads, 1);
    expectExactly("the store's sku:7 after the miss", store.map.get('sku:7'), 'lamp');
    expectExactly('get("sku:7") again (a hit)', cache.get('sku:7'), 'lamp');
    expectExactly('database reads after the hit', db.reads, 1);
    expectExactly('get("sku:8"), which the database does not have', cache.get('sku:8'), undefined);
    expectExactly('get("sku:8") again', cache.get('sku:8'), undefined);
    expectExactly('database reads after two reads of a missing key', db.reads, 3);
    expectExactly('the store after that: does it have sku:8?', store.map.has('sku:8'), false);
  });
});

describe('WriteThroughCache', () => {
  it('set writes the database once, then the store, before it returns, so the next get is a hit', () => {
    const db = new CountingDb<string>();
    const store = new MapStore<string>();
    const cache = new WriteThroughCache<string>({ store, db });
    cache.set('sku:7', 'lamp');
    expectExactly('database writes when set("sku:7", "lamp") has returned', db.writes, 1);
    expectExactly("the database's sku:7", db.rows.get('sku:7'), 'lamp');
    expectExactly("the store's sku:7", store.map.get('sku:7'), 'lamp');
    expectExactly('get("sku:7")', cache.get('sku:7'), 'lamp');
    expectExactly('database reads made by that get', db.reads, 0);
    cache.set('sku:7', 'desk lamp');
    expectExactly('get("sku:7") after a second set', cache.get('sku:7'), 'desk lamp');
    expectExactly('database writes after two sets', db.writes, 2);
    expectExactly('batches (write-through writes one row at a time)', db.batches.length, 0);
  });

  it('when the database refuses a write, set throws its error and the store never serves the refused value', () => {
    const db = new CountingDb<string>({ 'sku:7': 'lamp' });
    const store = new MapStore<string>();
    const cache = new WriteThroughCache<string>({ store, db });
    cache.get('sku:7');
    db.failWrites = true;
    let thrown: unknown;
    try {
      cache.set('sku:7', 'refused');
    } catch (error) {
      thrown = error;
    }
    expectExactly('what set threw when the database refused the write', thrown, db.error);
    db.failWrites = false;
    expectExactly('get("sku:7") after the refused write', cache.get('sku:7'), 'lamp');
    let during: string | undefined;
    // Another client reads sku:7 while a write of it is still on its way to the database.
    db.duringWrite = { when: 'before', run: () => void (during = cache.get('sku:7')) };
    cache.set('sku:7', 'desk lamp');
    expectExactly('what a read during the database write saw (the database had not accepted the new value yet)', during, 'lamp');
    expectExactly('get("sku:7") after the write returned', cache.get('sku:7'), 'desk lamp');
  });
});

describe('WriteBehindCache', () => {
  const make = (options: { maxBatchSize: number; maxDelayMs: number; rows?: Record<string, string>; forgetful?: boolean }) => {
    const clock = new ManualClock();
    const db = new CountingDb<string>(options.rows);
    const store = new MapStore<string>(options.forgetful);
    const cache = new WriteBehindCache<string>({ store, db, clock, maxBatchSize: options.maxBatchSize, maxDelayMs: options.maxDelayMs });
    return { clock, db, store, cache };
  };

  it('rejects a bad maxBatchSize or maxDelayMs (RangeError), and every pattern rejects a key that is not a string (TypeError naming key)', () => {
    const clock = new ManualClock();
    const db = new CountingDb<string>();
    const store = new MapStore<string>();
    for (const maxBatchSize of [0, -1, 2.5, Number.NaN]) {
      expectRangeError(`new WriteBehindCache({ …, maxBatchSize: ${maxBatchSize} })`, () => new WriteBehindCache({ store, db, clock, maxBatchSize, maxDelayMs: 100 }), 'maxBatchSize');
    }
    for (const maxDelayMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRangeError(`new WriteBehindCache({ …, maxDelayMs: ${maxDelayMs} })`, () => new WriteBehindCache({ store, db, clock, maxBatchSize: 10, maxDelayMs }), 'maxDelayMs');
    }
    expectAccepted('new WriteBehindCache({ …, maxBatchSize: 1, maxDelayMs: 0 })', () => new WriteBehindCache({ store, db, clock, maxBatchSize: 1, maxDelayMs: 0 }));
    const bad = 7 as unknown as string;
    const behind = new WriteBehindCache<string>({ store, db, clock, maxBatchSize: 10, maxDelayMs: 100 });
    const through = new WriteThroughCache<string>({ store, db });
    expectTypeError('cacheAsideRead(store, db, 7)', () => cacheAsideRead(store, db, bad), 'key');
    expectTypeError('cacheAsideWrite(store, db, 7, "v")', () => cacheAsideWrite(store, db, bad, 'v'), 'key');
    expectTypeError('new ReadThroughCache(…).get(7)', () => new ReadThroughCache<string>({ store, db }).get(bad), 'key');
    expectTypeError('new WriteThroughCache(…).set(7, "v")', () => through.set(bad, 'v'), 'key');
    expectTypeError('new WriteBehindCache(…).set(7, "v")', () => behind.set(bad, 'v'), 'key');
    expectTypeError('new WriteBehindCache(…).get(7)', () => behind.get(bad), 'key');
    expectExactly('database calls made by calls with a bad key', db.reads + db.writes + db.batches.length, 0);
  });

  it('set acknowledges without touching the database, and get returns the acknowledged value even after the store has lost it', () => {
    const { db, cache } = make({ maxBatchSize: 10, maxDelayMs: 1000, rows: { 'views:a': '1' }, forgetful: true });
    cache.set('views:a', '2');
    cache.set('views:b', '1');
    expectExactly('database writes and batches after two sets below maxBatchSize', db.writes + db.batches.length, 0);
    expectExactly('pendingCount', cache.pendingCount, 2);
    expectExactly('get("views:a") (the store keeps nothing; the database still has "1")', cache.get('views:a'), '2');
    expectExactly('get("views:b") (the database has nothing yet)', cache.get('views:b'), '1');
    expectExactly('database reads made by those gets', db.reads, 0);
    expectExactly('get("views:c"), never written', cache.get('views:c'), undefined);
    expectExactly('database reads after a get of an unwritten key', db.reads, 1);
  });

  it('flushes every pending write in one writeBatch call as soon as maxBatchSize keys are pending', () => {
    const { db, cache } = make({ maxBatchSize: 3, maxDelayMs: 60_000 });
    cache.set('a', '1');
    cache.set('b', '1');
    expectExactly('batches with 2 keys pending and maxBatchSize 3', db.batches.length, 0);
    cache.set('c', '1');
    expectSame('the batches once the 3rd key is pending', db.batchRows(), [['a=1', 'b=1', 'c=1']]);
    expectExactly('pendingCount after the flush', cache.pendingCount, 0);
    expectExactly('single-row writes (a flush is one writeBatch call)', db.writes, 0);
    cache.set('d', '1');
    expectExactly('pendingCount after one more set', cache.pendingCount, 1);
    expectExactly('batches after one more set', db.batches.length, 1);
    const single = make({ maxBatchSize: 1, maxDelayMs: 60_000 });
    single.cache.set('x', '1');
    expectSame('the batches of a cache with maxBatchSize 1 after one set', single.db.batchRows(), [['x=1']]);
  });

  it('coalesces: a key written again before a flush is pending once, with its latest value', () => {
    const { db, cache } = make({ maxBatchSize: 3, maxDelayMs: 60_000 });
    cache.set('a', '1');
    cache.set('a', '2');
    cache.set('b', '1');
    cache.set('a', '3');
    expectExactly('pendingCount after writes to a, a, b, a', cache.pendingCount, 2);
    expectExactly('batches with 2 distinct keys pending and maxBatchSize 3', db.batches.length, 0);
    expectExactly('get("a")', cache.get('a'), '3');
    cache.set('c', '1');
    expectSame('the batch once a 3rd distinct key is pending', db.batchRows(), [['a=3', 'b=1', 'c=1']]);
  });

  it('tick flushes once the oldest pending write is maxDelayMs old, counting a key\'s age from its first write since the last flush', () => {
    const { clock, db, cache } = make({ maxBatchSize: 100, maxDelayMs: 1000 });
    cache.tick();
    expectExactly('batches after a tick with nothing pending', db.batches.length, 0);
    cache.set('hot', '1');
    for (const [at, value] of [[400, '2'], [800, '3']] as const) {
      clock.set(at);
      cache.set('hot', value);
      cache.tick();
    }
    clock.set(900);
    cache.set('cold', '1');
    clock.set(999);
    cache.tick();
    expectExactly('batches at 999 ms (hot first written at 0, maxDelayMs 1000)', db.batches.length, 0);
    clock.set(1000);
    cache.tick();
    expectSame('the batches after a tick at 1000 ms: every pending write goes, hot with its latest value', db.batchRows(), [['cold=1', 'hot=3']]);
    clock.set(1200);
    cache.set('hot', '4');
    clock.set(2199);
    cache.tick();
    expectExactly('batches at 2199 ms (hot pending again since 1200 ms)', db.batches.length, 1);
    clock.set(2200);
    cache.tick();
    expectSame('the batches after a tick at 2200 ms', db.batchRows(), [['cold=1', 'hot=3'], ['hot=4']]);
  });

  it('a flush the database refuses keeps every pending write and throws; set still acknowledges when its batch flush fails', () => {
    const { clock, db, cache } = make({ maxBatchSize: 2, maxDelayMs: 100 });
    db.failWrites = true;
    cache.set('a', '1');
    expectAccepted('set("b", "1"), whose batch flush the database refuses,', () => cache.set('b', '1'));
    expectExactly('pendingCount after the refused flush', cache.pendingCount, 2);
    let thrown: unknown;
    try {
      cache.flush();
    } catch (error) {
      thrown = error;
    }
    expectExactly('what flush() threw while the database refused writes', thrown, db.error);
    clock.set(100);
    thrown = undefined;
    try {
      cache.tick();
    } catch (error) {
      thrown = error;
    }
    expectExactly('what tick() threw at 100 ms while the database refused writes', thrown, db.error);
    expectExactly('pendingCount after two more refused flushes', cache.pendingCount, 2);
    expectExactly('get("a") while the database is down', cache.get('a'), '1');
    db.failWrites = false;
    cache.flush();
    expectSame('the batches once the database takes writes again', db.batchRows(), [['a=1', 'b=1']]);
    expectExactly('pendingCount after that flush', cache.pendingCount, 0);
    cache.flush();
    expectExactly('batches after a flush with nothing pending', db.batches.length, 1);
  });

  it('crash reports exactly the acknowledged writes not yet flushed, and afterwards serves only what the database has', () => {
        const { clock, db, store, cache } = make({ maxBatchSize: 3, maxDelayMs: 60_000, rows: { d: 'd0' } });
    expectSame('crash() with nothing pending', cache.crash(), []);
    for (const [at, key, value] of [[1, 'a', 'a1'], [2, 'b', 'b1'], [3, 'c', 'c1'], [10, 'd', 'd1'], [11, 'e', 'e1'], [20, 'd', 'd2']] as const) {
      clock.set(at);
      cache.set(key, value);
    }
        clock.set(30);
    const readsBefore = db.reads;
    expectExactly('get("a"), flushed and still in the store', cache.get('a'), 'a1');
    expectExactly('database reads made by that get', db.reads - readsBefore, 0);
    const lost = (cache.crash() as LostWrite<string>[]).map((w) => ({ key: w.key, value: w.value, writtenAtMs: w.writtenAtMs }));
    lost.sort((x, y) => (x.key < y.key ? -1 : 1));
    expectSame('what crash() lost (a, b and c were flushed at 3 ms; sorted by key)', lost, [
      { key: 'd', value: 'd2', writtenAtMs: 20 },
      { key: 'e', value: 'e1', writtenAtMs: 11 },
    ]);
    expectExactly('pendingCount after the crash', cache.pendingCount, 0);
        expectExactly('get("d") after the crash (the database has only d0)', cache.get('d'), 'd0');
    const readsAfter = db.reads;
    expectExactly('get("d") again', cache.get('d'), 'd0');
    expectExactly('database reads made by that second get (the first filled the store)', db.reads - readsAfter, 0);
        expectExactly('get("e") after the crash (the database never got it)', cache.get('e'), undefined);
    expectExactly('the store after that miss: does it have e?', store.map.has('e'), false);
    expectExactly('get("a") after the crash (flushed before it)', cache.get('a'), 'a1');
    cache.set('f', 'f1');
    expectExactly('pendingCount after a set once restarted', cache.pendingCount, 1);
    expectSame('crash() again', (cache.crash() as LostWrite<string>[]).map((w) => w.key), ['f']);
  });
});
