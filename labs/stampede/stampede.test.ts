// Autograder for the stampede lab. Each test is one graded behaviour; points and hints for each are in
// lab.json, keyed by the test's full name. Run: npm run grade stampede
//
// Loads are promises the test settles by hand, so "in flight" means exactly what the test says; after
// each step the test lets pending promise callbacks run (settle) before it looks.
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { createRng } from '../../src/models/common/rng';
import { simulateHerd, SingleFlight, SwrCache, type HerdResult, type HerdScenario } from './stampede';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 150, includeErrorInReport: true } as const;

/** Lets every pending promise callback run (the code under test awaits a few times at most). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Database loads the test controls: each call of `load()` starts a new pending load, recorded in order,
 * which the test resolves or rejects by hand.
 */
class Loads<T> {
  readonly started: Deferred<T>[] = [];
  readonly load = (): Promise<T> => {
    const d = deferred<T>();
    this.started.push(d);
    return d.promise;
  };
  get count(): number {
    return this.started.length;
  }
  /** The latest load started. */
  last(): Deferred<T> {
    const d = this.started[this.started.length - 1];
    if (!d) assert.fail('a load should have been started, but none was');
    return d;
  }
}

/** A promise's outcome so far, read without awaiting it. */
interface Tracked {
  state: 'pending' | 'resolved' | 'rejected';
  value: unknown;
}

function track(promise: Promise<unknown>): Tracked {
  const t: Tracked = { state: 'pending', value: undefined };
  promise.then(
    (value) => Object.assign(t, { state: 'resolved', value }),
    (error) => Object.assign(t, { state: 'rejected', value: error }),
  );
  return t;
}

function expectResolved(what: string, t: Tracked, value: unknown): void {
  if (t.state !== 'resolved' || t.value !== value) {
    assert.fail(`${what} should have resolved to ${describeValue(value)}, but it ${t.state === 'pending' ? 'is still pending' : `${t.state} with ${describeValue(t.value)}`}`);
  }
}

function expectRejected(what: string, t: Tracked, error: unknown): void {
  if (t.state !== 'rejected' || t.value !== error) {
    assert.fail(`${what} should have rejected with ${describeValue(error)}, but it ${t.state === 'pending' ? 'is still pending' : `${t.state} with ${describeValue(t.value)}`}`);
  }
}

function expectPending(what: string, t: Tracked): void {
  if (t.state !== 'pending') assert.fail(`${what} should still be waiting for its load, but it ${t.state} with ${describeValue(t.value)}`);
}

/** Calls `call`, turning a synchronous throw into a rejected promise so that it can be tracked. */
function attempt(call: () => Promise<unknown>): { tracked: Tracked; threw: unknown } {
  try {
    return { tracked: track(call()), threw: undefined };
  } catch (error) {
    return { tracked: { state: 'rejected', value: error }, threw: error };
  }
}

describe('SingleFlight', () => {
  it("lets concurrent callers for one key share one load: only the first caller's load runs, and all get its value", async () => {
    const group = new SingleFlight();
    const first = new Loads<string>();
    const others = new Loads<string>();
    const a = track(group.coalesce('k', first.load));
    await settle();
    const b = track(group.coalesce('k', others.load));
    const c = track(group.coalesce('k', others.load));
    await settle();
    expectExactly("loads run by the first caller for 'k'", first.count, 1);
    expectExactly("loads run by the two callers who came while it was in flight", others.count, 0);
    expectPending('the first caller, before the load resolves', a);
    first.last().resolve('v');
    await settle();
    for (const [who, t] of [['the first caller', a], ['the second caller', b], ['the third caller', c]] as const) expectResolved(who, t, 'v');
  });

  it('runs the loads of different keys separately, at the same time', async () => {
    const group = new SingleFlight();
    const loads = new Loads<string>();
    const a = track(group.coalesce('a', loads.load));
    const b = track(group.coalesce('b', loads.load));
    await settle();
    expectExactly("loads in flight after one call for 'a' and one for 'b'", loads.count, 2);
    loads.started[1]!.resolve('B');
    loads.started[0]!.resolve('A');
    await settle();
    expectResolved("the caller for 'a'", a, 'A');
    expectResolved("the caller for 'b'", b, 'B');
  });

  it('rejects every waiter with the error of a failed load', async () => {
    const group = new SingleFlight();
    const loads = new Loads<string>();
    const waiters = [0, 1, 2].map(() => track(group.coalesce('k', loads.load)));
    await settle();
    const error = new Error('database down');
    loads.last().reject(error);
    await settle();
    waiters.forEach((t, i) => expectRejected(`caller ${i + 1} of 3`, t, error));
  });

  it('does not cache a failure: the next call after a failed load starts a new load', async () => {
    const group = new SingleFlight();
    const loads = new Loads<string>();
    const failed = track(group.coalesce('k', loads.load));
    await settle();
    loads.last().reject(new Error('database down'));
    await settle();
    expectExactly('the first caller', failed.state, 'rejected');
    const retry = track(group.coalesce('k', loads.load));
    await settle();
    expectExactly('loads started after a call that follows the failure', loads.count, 2);
    loads.last().resolve('v');
    await settle();
    expectResolved('the call after the failure', retry, 'v');
  });

  it('does not keep a success either: once a load has settled, the next call starts a new load', async () => {
    const group = new SingleFlight();
    const loads = new Loads<string>();
    const first = track(group.coalesce('k', loads.load));
    await settle();
    loads.last().resolve('v1');
    await settle();
    expectResolved('the first call', first, 'v1');
    const second = track(group.coalesce('k', loads.load));
    await settle();
    expectExactly('loads started after a second call, made once the first load had settled', loads.count, 2);
    loads.last().resolve('v2');
    await settle();
    expectResolved('the second call', second, 'v2');
  });

  it('treats a load that throws as a failed load: its caller is rejected, and the next call loads again', async () => {
    const group = new SingleFlight();
    const error = new Error('bad query');
    const { tracked, threw } = attempt(() =>
      group.coalesce('k', () => {
        throw error;
      }),
    );
    if (threw !== undefined) assert.fail(`coalesce should reject with the error thrown by load, but it threw it synchronously: ${describeValue(threw)}`);
    await settle();
    expectRejected('the caller whose load threw', tracked, error);
    const loads = new Loads<string>();
    const next = track(group.coalesce('k', loads.load));
    await settle();
    expectExactly('loads started by the next call', loads.count, 1);
    loads.last().resolve('v');
    await settle();
    expectResolved('the next call', next, 'v');
  });

  it('throws a TypeError naming load when load is not a function', () => {
    const group = new SingleFlight();
    let thrown: unknown;
    try {
      group.coalesce('k', 'not a function' as unknown as () => Promise<string>);
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof TypeError) || !thrown.message.includes('load')) {
      assert.fail(`coalesce('k', 'not a function') should throw a TypeError naming "load", but it ${thrown === undefined ? 'did not throw' : `threw ${describeValue(thrown)}`}`);
    }
  });

  it('for any interleaving of calls, successes and failures on three keys, runs one load per key at a time and settles every caller with it', async () => {
    type Op = { kind: 'call'; key: number } | { kind: 'resolve'; key: number } | { kind: 'reject'; key: number };
    const key = fc.integer({ min: 0, max: 2 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), key }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), key }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), key }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const group = new SingleFlight();
        const loads = [new Loads<string>(), new Loads<string>(), new Loads<string>()];
        // Per key: the callers waiting on the load in flight (none in flight when empty).
        const waiting: Tracked[][] = [[], [], []];
        let settled = 0;
        for (const [index, step] of ops.entries()) {
          const where = `At step ${index + 1} (${JSON.stringify(step)})`;
          const mine = loads[step.key]!;
          if (step.kind === 'call') {
            const before = mine.count;
            waiting[step.key]!.push(track(group.coalesce(`k${step.key}`, mine.load)));
            await settle();
            const want = waiting[step.key]!.length === 1 ? before + 1 : before;
            if (mine.count !== want) throw new Error(`${where}, loads of k${step.key} should be ${want}, but they were ${mine.count}`);
          } else if (waiting[step.key]!.length > 0) {
            let outcome: string | Error;
            if (step.kind === 'resolve') mine.last().resolve((outcome = `v${settled++}`));
            else mine.last().reject((outcome = new Error(`failure ${settled++}`)));
            await settle();
            for (const t of waiting[step.key]!) {
              if (t.state !== (step.kind === 'resolve' ? 'resolved' : 'rejected') || t.value !== outcome) {
                throw new Error(`${where}, every caller waiting on k${step.key} should have ${step.kind}d with ${describeValue(outcome)}, but one ${t.state === 'pending' ? 'is still pending' : `${t.state} with ${describeValue(t.value)}`}`);
              }
            }
            waiting[step.key] = [];
          }
        }
      }),
      property,
    );
  });
});

/** A clock the test moves by hand, in seconds. */
class TestClock {
  constructor(public time = 0) {}
  readonly now = (): number => this.time;
}

/** A cache with ttl 10 s and a stale window of 5 s, holding 'v1' loaded (finished) at 0 s. */
async function swrHolding(options: { ttl?: number; staleWhileRevalidate?: number } = {}) {
  const clock = new TestClock(0);
  const cache = new SwrCache<string>({ now: clock.now, ttl: options.ttl ?? 10, staleWhileRevalidate: options.staleWhileRevalidate ?? 5 });
  const loads = new Loads<string>();
  const first = track(cache.get('k', loads.load));
  await settle();
  loads.last().resolve('v1');
  await settle();
  expectResolved('the first get, a miss', first, 'v1');
  return { clock, cache, loads };
}

describe('SwrCache', () => {
  it('waits for the load on a miss and resolves to its value; a fresh value is then served without a load', async () => {
    const { clock, cache, loads } = await swrHolding();
    expectExactly('loads after the miss', loads.count, 1);
    clock.time = 9.5;
    const fresh = track(cache.get('k', loads.load));
    await settle();
    expectResolved('get at 9.5 s of a value loaded at 0 s (ttl 10 s)', fresh, 'v1');
    expectExactly('loads after a get of a fresh value', loads.count, 1);
  });

  it('counts a value’s age from the moment its load finished', async () => {
    const clock = new TestClock(0);
    const cache = new SwrCache<string>({ now: clock.now, ttl: 10, staleWhileRevalidate: 5 });
    const loads = new Loads<string>();
    const first = track(cache.get('k', loads.load));
    await settle();
    clock.time = 2; // the load takes 2 s
    loads.last().resolve('v1');
    await settle();
    expectResolved('the miss', first, 'v1');
    clock.time = 11.5;
    track(cache.get('k', loads.load));
    await settle();
    expectExactly('loads after a get at 11.5 s, 9.5 s after the load finished', loads.count, 1);
    clock.time = 12;
    track(cache.get('k', loads.load));
    await settle();
    expectExactly('loads after a get at 12 s, 10 s after the load finished (stale: a refresh starts)', loads.count, 2);
  });

  it('serves a stale value at once, without waiting for the refresh it starts', async () => {
    const { clock, cache, loads } = await swrHolding();
    clock.time = 12;
    const stale = track(cache.get('k', loads.load));
    await settle();
    expectResolved('get at 12 s (stale: ttl 10 s, window 5 s), while its refresh is still in flight', stale, 'v1');
    expectExactly('loads started', loads.count, 2);
  });

  it('starts one refresh for any number of stale gets', async () => {
    const { clock, cache, loads } = await swrHolding();
    for (const t of [10, 11, 12.5, 14.9]) {
      clock.time = t;
      const stale = track(cache.get('k', loads.load));
      await settle();
      expectResolved(`get at ${t} s, stale`, stale, 'v1');
    }
    expectExactly('loads after four stale gets during one refresh', loads.count, 2);
  });

  it('serves the refreshed value once the refresh succeeds, fresh from the moment it finished', async () => {
    const { clock, cache, loads } = await swrHolding();
    clock.time = 12;
    track(cache.get('k', loads.load));
    await settle();
    clock.time = 13;
    loads.last().resolve('v2');
    await settle();
    clock.time = 22.5;
    const next = track(cache.get('k', loads.load));
    await settle();
    expectResolved('get at 22.5 s, 9.5 s after the refresh finished', next, 'v2');
    expectExactly('loads', loads.count, 2);
  });

  it('keeps serving the stale value when a refresh fails, and tries again on the next stale get', async () => {
    const { clock, cache, loads } = await swrHolding();
    clock.time = 12;
    track(cache.get('k', loads.load));
    await settle();
    loads.last().reject(new Error('database down'));
    await settle();
    clock.time = 13;
    const after = track(cache.get('k', loads.load));
    await settle();
    expectResolved('get at 13 s, after the failed refresh', after, 'v1');
    expectExactly('loads after that get (the failed refresh, then a new one)', loads.count, 3);
  });

  it('makes a caller wait for a new load once the value is older than ttl + staleWhileRevalidate', async () => {
    const { clock, cache, loads } = await swrHolding();
    clock.time = 16;
    const late = track(cache.get('k', loads.load));
    await settle();
    expectPending('get at 16 s, 1 s past the stale window (10 + 5 s)', late);
    expectExactly('loads started', loads.count, 2);
    loads.last().resolve('v2');
    await settle();
    expectResolved('the late get, once its load resolves', late, 'v2');
  });

  it('counts age = ttl as stale and age = ttl + staleWhileRevalidate as too old', async () => {
    const atTtl = await swrHolding();
    atTtl.clock.time = 10;
    const stale = track(atTtl.cache.get('k', atTtl.loads.load));
    await settle();
    expectResolved('get at exactly 10 s (age = ttl)', stale, 'v1');
    expectExactly('loads after the get at age = ttl (a refresh starts)', atTtl.loads.count, 2);

    const atEnd = await swrHolding();
    atEnd.clock.time = 15;
    const late = track(atEnd.cache.get('k', atEnd.loads.load));
    await settle();
    expectPending('get at exactly 15 s (age = ttl + staleWhileRevalidate)', late);

    const noWindow = await swrHolding({ staleWhileRevalidate: 0 });
    noWindow.clock.time = 10;
    const zero = track(noWindow.cache.get('k', noWindow.loads.load));
    await settle();
    expectPending('get at age = ttl with staleWhileRevalidate 0', zero);
  });

  it('lets concurrent callers that must wait share one load', async () => {
    const clock = new TestClock(0);
    const cache = new SwrCache<string>({ now: clock.now, ttl: 10, staleWhileRevalidate: 5 });
    const loads = new Loads<string>();
    const callers = [0, 1, 2].map(() => track(cache.get('k', loads.load)));
    await settle();
    expectExactly('loads started by three concurrent misses', loads.count, 1);
    loads.last().resolve('v');
    await settle();
    callers.forEach((t, i) => expectResolved(`miss ${i + 1} of 3`, t, 'v'));
  });

  it('rejects every waiting caller when their load fails, and caches nothing', async () => {
    const clock = new TestClock(0);
    const cache = new SwrCache<string>({ now: clock.now, ttl: 10, staleWhileRevalidate: 5 });
    const loads = new Loads<string>();
    const callers = [0, 1].map(() => track(cache.get('k', loads.load)));
    await settle();
    const error = new Error('database down');
    loads.last().reject(error);
    await settle();
    callers.forEach((t, i) => expectRejected(`miss ${i + 1} of 2`, t, error));
    const next = track(cache.get('k', loads.load));
    await settle();
    expectExactly('loads after the next get', loads.count, 2);
    loads.last().resolve('v');
    await settle();
    expectResolved('the next get', next, 'v');
  });

  it('lets a caller who finds the value too old join the refresh already in flight', async () => {
    const { clock, cache, loads } = await swrHolding();
    clock.time = 14;
    track(cache.get('k', loads.load));
    await settle();
    clock.time = 16;
    const late = track(cache.get('k', loads.load));
    await settle();
    expectPending('get at 16 s, past the window, while the refresh started at 14 s is in flight', late);
    expectExactly('loads', loads.count, 2);
    loads.last().resolve('v2');
    await settle();
    expectResolved('the late get', late, 'v2');
  });

  it('keeps keys apart', async () => {
    const { clock, cache, loads } = await swrHolding();
    const other = new Loads<string>();
    clock.time = 12;
    const b = track(cache.get('b', other.load));
    await settle();
    expectPending("get('b'), a miss, while 'k' is stale", b);
    expectExactly("loads of 'b'", other.count, 1);
    const k = track(cache.get('k', loads.load));
    await settle();
    expectResolved("get('k'), stale", k, 'v1');
    other.last().resolve('B');
    await settle();
    expectResolved("get('b')", b, 'B');
  });

  it('rejects bad options: a RangeError naming ttl or staleWhileRevalidate, a TypeError naming now', () => {
    const now = () => 0;
    expectRangeError('new SwrCache({ ttl: 0, … })', () => new SwrCache({ now, ttl: 0, staleWhileRevalidate: 5 }), 'ttl');
    expectRangeError('new SwrCache({ ttl: NaN, … })', () => new SwrCache({ now, ttl: Number.NaN, staleWhileRevalidate: 5 }), 'ttl');
    expectRangeError('new SwrCache({ ttl: Infinity, … })', () => new SwrCache({ now, ttl: Number.POSITIVE_INFINITY, staleWhileRevalidate: 5 }), 'ttl');
    expectRangeError('new SwrCache({ staleWhileRevalidate: -1, … })', () => new SwrCache({ now, ttl: 10, staleWhileRevalidate: -1 }), 'staleWhileRevalidate');
    expectRangeError('new SwrCache({ staleWhileRevalidate: Infinity, … })', () => new SwrCache({ now, ttl: 10, staleWhileRevalidate: Number.POSITIVE_INFINITY }), 'staleWhileRevalidate');
    let thrown: unknown;
    try {
      new SwrCache({ now: 5 as unknown as () => number, ttl: 10, staleWhileRevalidate: 5 });
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof TypeError) || !thrown.message.includes('now')) {
      assert.fail(`new SwrCache({ now: 5, … }) should throw a TypeError naming "now", but it ${thrown === undefined ? 'did not throw' : `threw ${describeValue(thrown)}`}`);
    }
  });
});

/** Checks every field of a harness result, with a message naming the field. */
function expectHerd(what: string, got: HerdResult, want: HerdResult): void {
  const result = got as Partial<HerdResult> | undefined;
  expectExactly(`${what}: loads`, result?.loads, want.loads);
  expectExactly(`${what}: loadStarts`, describeValue(result?.loadStarts), describeValue(want.loadStarts));
  expectExactly(`${what}: peakLoads`, result?.peakLoads, want.peakLoads);
  expectExactly(`${what}: waited`, result?.waited, want.waited);
  expectExactly(`${what}: stale`, result?.stale, want.stale);
}

/** A scripted source of rands that counts its draws. */
function scripted(values: number[], fallback = 0.5): { random: () => number; draws: () => number } {
  let i = 0;
  return {
    random: () => values[i++] ?? fallback,
    draws: () => i,
  };
}

describe('simulateHerd', () => {
  const herd = [0, 0.25, 0.5, 0.75, 1, 1.5];

  it("'none': every reader who finds no fresh value starts a load of its own", () => {
    expectHerd(
      "simulateHerd({ strategy: 'none', arrivals: [0, 0.25, 0.5, 0.75, 1, 1.5], loadTime: 1, ttl: 10 })",
      simulateHerd({ strategy: 'none', arrivals: herd, loadTime: 1, ttl: 10 }),
      { loads: 4, loadStarts: [0, 0.25, 0.5, 0.75], peakLoads: 4, waited: 4, stale: 0 },
    );
  });

  it("'single-flight': readers who find no fresh value join the load in flight", () => {
    expectHerd(
      "simulateHerd({ strategy: 'single-flight', arrivals: [0, 0.25, 0.5, 0.75, 1, 1.5], loadTime: 1, ttl: 10 })",
      simulateHerd({ strategy: 'single-flight', arrivals: herd, loadTime: 1, ttl: 10 }),
      { loads: 1, loadStarts: [0], peakLoads: 1, waited: 4, stale: 0 },
    );
  });

  it('expires the starting value at now = expiresAt and a loaded one at its start + loadTime + ttl', () => {
    expectHerd(
      "simulateHerd({ strategy: 'none', arrivals: [4.5, 5, 6, 15.5, 16], loadTime: 1, ttl: 10, expiresAt: 5 })",
      simulateHerd({ strategy: 'none', arrivals: [4.5, 5, 6, 15.5, 16], loadTime: 1, ttl: 10, expiresAt: 5 }),
      { loads: 2, loadStarts: [5, 16], peakLoads: 1, waited: 2, stale: 0 },
    );
  });

  it('finishes a load before a reader who arrives at the same instant looks', () => {
    expectHerd(
      "simulateHerd({ strategy: 'single-flight', arrivals: [0, 1, 1], loadTime: 1, ttl: 10 })",
      simulateHerd({ strategy: 'single-flight', arrivals: [0, 1, 1], loadTime: 1, ttl: 10 }),
      { loads: 1, loadStarts: [0], peakLoads: 1, waited: 1, stale: 0 },
    );
  });

  it("'xfetch': a reader of a fresh value starts a load when now − loadTime·β·ln(rand) >= expiry, with no coalescing", () => {
    // rand = 0.5 looks loadTime·ln 2 ≈ 0.69 s ahead. 9.4 and 9.5 recompute early; at 10.2 the value has
    // expired (neither early load has finished); at 10.5 both have, and the value is fresh until 20.5.
    expectHerd(
      "simulateHerd({ strategy: 'xfetch', arrivals: [9, 9.2, 9.4, 9.5, 10.2, 10.5], loadTime: 1, ttl: 10, expiresAt: 10, random: () => 0.5 })",
      simulateHerd({ strategy: 'xfetch', arrivals: [9, 9.2, 9.4, 9.5, 10.2, 10.5], loadTime: 1, ttl: 10, expiresAt: 10, random: () => 0.5 }),
      { loads: 3, loadStarts: [9.4, 9.5, 10.2], peakLoads: 3, waited: 3, stale: 0 },
    );
  });

  it("'xfetch': draws one rand per reader that finds a fresh value, in arrival order, and none otherwise", () => {
    const source = scripted([0.5, 0.5, 0.5, 0.5, 0.5]);
    simulateHerd({ strategy: 'xfetch', arrivals: [9, 9.2, 9.4, 9.5, 10.2, 10.5], loadTime: 1, ttl: 10, expiresAt: 10, random: source.random });
    expectExactly('rands drawn for six readers, one of whom found the value expired', source.draws(), 5);
    const empty = scripted([]);
    simulateHerd({ strategy: 'xfetch', arrivals: [0, 0.5], loadTime: 1, ttl: 10, random: empty.random });
    expectExactly('rands drawn for two readers of an empty cache', empty.draws(), 0);
    const atExpiry = scripted([]);
    simulateHerd({ strategy: 'xfetch', arrivals: [10], loadTime: 1, ttl: 10, expiresAt: 10, random: atExpiry.random });
    expectExactly('rands drawn for a reader who arrives exactly at the expiry', atExpiry.draws(), 0);
    // The first draw (1e-3, a look-ahead of 6.9 s) goes to the reader at 5 s, the second (0.99) to the one at 9.9 s.
    expectHerd(
      "simulateHerd({ strategy: 'xfetch', arrivals: [5, 9.9], loadTime: 1, ttl: 10, expiresAt: 10, random: draws 0.001 then 0.99 })",
      simulateHerd({ strategy: 'xfetch', arrivals: [5, 9.9], loadTime: 1, ttl: 10, expiresAt: 10, random: scripted([0.001, 0.99]).random }),
      { loads: 1, loadStarts: [5], peakLoads: 1, waited: 1, stale: 0 },
    );
  });

  it("'xfetch': recomputes early when now − loadTime·β·ln(rand) equals the expiry exactly", () => {
    // ln(e^−1) is exactly −1 in floating point, so the reader at 9 s looks exactly to the expiry at 10 s.
    expectHerd(
      "simulateHerd({ strategy: 'xfetch', arrivals: [9], loadTime: 1, ttl: 10, expiresAt: 10, random: () => Math.exp(-1) })",
      simulateHerd({ strategy: 'xfetch', arrivals: [9], loadTime: 1, ttl: 10, expiresAt: 10, random: () => Math.exp(-1) }),
      { loads: 1, loadStarts: [9], peakLoads: 1, waited: 1, stale: 0 },
    );
  });

  it("'xfetch': β scales the look-ahead, and is 1 when left out", () => {
    const run = (beta?: number) =>
      simulateHerd({ strategy: 'xfetch', arrivals: [9], loadTime: 1, ttl: 10, expiresAt: 10, random: () => 0.5, ...(beta === undefined ? {} : { beta }) });
    expectExactly('loads of a reader 1 s before expiry, rand 0.5, β left out', run().loads, 0);
    expectExactly('loads of a reader 1 s before expiry, rand 0.5, β = 2 (a look-ahead of 1.39 s)', run(2).loads, 1);
  });

  it("'stale-while-revalidate': within the window, readers get the stale value and one refresh starts; nobody waits", () => {
    expectHerd(
      "simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [9, 10, 10.5, 11, 12], loadTime: 1, ttl: 10, expiresAt: 10, staleWindow: 5 })",
      simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [9, 10, 10.5, 11, 12], loadTime: 1, ttl: 10, expiresAt: 10, staleWindow: 5 }),
      { loads: 1, loadStarts: [10], peakLoads: 1, waited: 0, stale: 2 },
    );
  });

  it("'stale-while-revalidate': past the window (or on an empty cache) readers wait, sharing one load", () => {
    expectHerd(
      "simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [12, 12.5, 13, 13.5], loadTime: 1, ttl: 10, expiresAt: 10, staleWindow: 2 })",
      simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [12, 12.5, 13, 13.5], loadTime: 1, ttl: 10, expiresAt: 10, staleWindow: 2 }),
      { loads: 1, loadStarts: [12], peakLoads: 1, waited: 2, stale: 0 },
    );
    expectHerd(
      "simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [0, 0.5], loadTime: 1, ttl: 10, staleWindow: 5 })",
      simulateHerd({ strategy: 'stale-while-revalidate', arrivals: [0, 0.5], loadTime: 1, ttl: 10, staleWindow: 5 }),
      { loads: 1, loadStarts: [0], peakLoads: 1, waited: 2, stale: 0 },
    );
  });

  it('counts in peakLoads the most loads in flight at once, not the loads in all', () => {
    // Two herds: at 0 and 0.5 s (empty cache), then at 3.5, 3.75 and 4 s (the value loaded by 1.5 s expired at 3.5 s).
    expectHerd(
      "simulateHerd({ strategy: 'none', arrivals: [0, 0.5, 3.5, 3.75, 4], loadTime: 1, ttl: 2 })",
      simulateHerd({ strategy: 'none', arrivals: [0, 0.5, 3.5, 3.75, 4], loadTime: 1, ttl: 2 }),
      { loads: 5, loadStarts: [0, 0.5, 3.5, 3.75, 4], peakLoads: 3, waited: 5, stale: 0 },
    );
  });

  it('counts the documented herd: 64 readers a second for 30 s, 0.5 s loads, a 10 s TTL, a value expiring at 10 s', () => {
    const arrivals = Array.from({ length: 30 * 64 }, (_, i) => i / 64);
    const base = { arrivals, loadTime: 0.5, ttl: 10, expiresAt: 10 };
    const none = simulateHerd({ ...base, strategy: 'none' });
    expectExactly("'none': loads (two herds of 64/s × 0.5 s = 32)", none.loads, 64);
    expectExactly("'none': peakLoads", none.peakLoads, 32);
    expectHerd("'single-flight'", simulateHerd({ ...base, strategy: 'single-flight' }), { loads: 2, loadStarts: [10, 20.5], peakLoads: 1, waited: 64, stale: 0 });
    expectHerd("'stale-while-revalidate' with a 10 s window", simulateHerd({ ...base, strategy: 'stale-while-revalidate', staleWindow: 10 }), {
      loads: 2,
      loadStarts: [10, 20.5],
      peakLoads: 1,
      waited: 0,
      stale: 64,
    });
    const rng = createRng(20261126);
    const xfetch = simulateHerd({ ...base, strategy: 'xfetch', random: () => 1 - rng.next() });
    expectHerd("'xfetch' with β = 1 and rands 1 − next() of createRng(20261126)", xfetch, {
      loads: 5,
      loadStarts: [7.296875, 16, 16.25, 16.453125, 24.9375],
      peakLoads: 3,
      waited: 5,
      stale: 0,
    });
  });

  it('rejects a bad scenario with a RangeError (a TypeError for a missing random) naming the field', () => {
    const base: HerdScenario = { strategy: 'none', arrivals: [0, 1], loadTime: 1, ttl: 10 };
    expectRangeError("strategy: 'lock'", () => simulateHerd({ ...base, strategy: 'lock' as HerdScenario['strategy'] }), 'strategy');
    expectRangeError('arrivals: [1, 0]', () => simulateHerd({ ...base, arrivals: [1, 0] }), 'arrivals');
    expectRangeError('arrivals: [-1]', () => simulateHerd({ ...base, arrivals: [-1] }), 'arrivals');
    expectRangeError('arrivals: [NaN]', () => simulateHerd({ ...base, arrivals: [Number.NaN] }), 'arrivals');
    expectRangeError('loadTime: 0', () => simulateHerd({ ...base, loadTime: 0 }), 'loadTime');
    expectRangeError('loadTime: Infinity', () => simulateHerd({ ...base, loadTime: Number.POSITIVE_INFINITY }), 'loadTime');
    expectRangeError('ttl: 0', () => simulateHerd({ ...base, ttl: 0 }), 'ttl');
    expectRangeError('ttl: Infinity', () => simulateHerd({ ...base, ttl: Number.POSITIVE_INFINITY }), 'ttl');
    expectRangeError('expiresAt: NaN', () => simulateHerd({ ...base, expiresAt: Number.NaN }), 'expiresAt');
    expectRangeError("'stale-while-revalidate' without staleWindow", () => simulateHerd({ ...base, strategy: 'stale-while-revalidate' }), 'staleWindow');
    expectRangeError("'stale-while-revalidate', staleWindow: -1", () => simulateHerd({ ...base, strategy: 'stale-while-revalidate', staleWindow: -1 }), 'staleWindow');
    expectRangeError("'stale-while-revalidate', staleWindow: Infinity", () => simulateHerd({ ...base, strategy: 'stale-while-revalidate', staleWindow: Number.POSITIVE_INFINITY }), 'staleWindow');
    expectRangeError("'xfetch', beta: 0", () => simulateHerd({ ...base, strategy: 'xfetch', beta: 0, random: () => 0.5 }), 'beta');
    expectRangeError("'xfetch', beta: Infinity", () => simulateHerd({ ...base, strategy: 'xfetch', beta: Number.POSITIVE_INFINITY, random: () => 0.5 }), 'beta');
    let thrown: unknown;
    try {
      simulateHerd({ ...base, arrivals: [0], strategy: 'xfetch' });
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof TypeError) || !thrown.message.includes('random')) {
      assert.fail(`'xfetch' without random should throw a TypeError naming "random", but it ${thrown === undefined ? 'did not throw' : `threw ${describeValue(thrown)}`}`);
    }
  });

  it('for any herd: coalescing strategies never have two loads in flight, no protection loads the most, and rand = 1 never recomputes early', () => {
    const scenario = fc.record({
      // Times on a grid of 1/8 s, so that every sum is exact.
      steps: fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 60 }),
      loadTime: fc.constantFrom(0.5, 1, 2),
      ttl: fc.constantFrom(0.5, 2, 5),
      expiresAt: fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n / 8), { nil: undefined }),
      staleWindow: fc.constantFrom(0, 1, 4),
    });
    fc.assert(
      fc.property(scenario, ({ steps, loadTime, ttl, expiresAt, staleWindow }) => {
        let t = 0;
        const arrivals = steps.map((s) => (t += s / 8));
        const base = { arrivals, loadTime, ttl, ...(expiresAt === undefined ? {} : { expiresAt }) };
        const where = `For arrivals ${JSON.stringify(arrivals)}, loadTime ${loadTime}, ttl ${ttl}, expiresAt ${expiresAt}, staleWindow ${staleWindow}`;
        const none = simulateHerd({ ...base, strategy: 'none' });
        const single = simulateHerd({ ...base, strategy: 'single-flight' });
        const swr = simulateHerd({ ...base, strategy: 'stale-while-revalidate', staleWindow });
        const never = simulateHerd({ ...base, strategy: 'xfetch', random: () => 1 });
        for (const [name, run] of [['none', none], ['single-flight', single], ['stale-while-revalidate', swr], ['xfetch', never]] as const) {
          if (run.loads !== run.loadStarts.length) throw new Error(`${where}, '${name}' reported ${run.loads} loads but ${run.loadStarts.length} load starts`);
          if (run.waited + run.stale > arrivals.length) throw new Error(`${where}, '${name}' counted ${run.waited} waiting and ${run.stale} stale readers out of ${arrivals.length}`);
        }
        if (single.peakLoads > 1 || swr.peakLoads > 1) throw new Error(`${where}, peakLoads should be at most 1 for 'single-flight' (${single.peakLoads}) and 'stale-while-revalidate' (${swr.peakLoads})`);
        if (none.loads < single.loads) throw new Error(`${where}, 'none' made ${none.loads} loads, fewer than 'single-flight' (${single.loads})`);
        if (none.waited !== none.loads) throw new Error(`${where}, under 'none' every reader who waits starts its own load, but ${none.waited} waited for ${none.loads} loads`);
        if (describeValue(never) !== describeValue(none)) {
          throw new Error(`${where}, 'xfetch' with rand always 1 never recomputes early, so it should count exactly what 'none' does (${describeValue(none)}), but it counted ${describeValue(never)}`);
        }
      }),
      property,
    );
  });
});
