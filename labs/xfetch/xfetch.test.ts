// Autograder for the xfetch lab. Each test is one graded behaviour; points and hints for each are in
// lab.json, keyed by the test's full name. Run: npm run grade xfetch
//
// The tests script time and randomness. Where a test needs a fixed draw it uses 0.5, the one value for
// which a draw u and 1 − u agree; elsewhere the draws come from the course's seeded generator.
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly } from '../../src/labkit/assertions';
import { createRng } from '../../src/models/common/rng';
import { shouldRecomputeEarly, XFetchCache } from './xfetch';

/** A clock the test moves by hand, in seconds. */
class TestClock {
  constructor(public time = 100) {}
  readonly now = (): number => this.time;
}

/** A source of random numbers that counts its draws. */
function counted(draw: () => number): { random: () => number; draws: () => number } {
  let draws = 0;
  return {
    random: () => {
      draws++;
      return draw();
    },
    draws: () => draws,
  };
}

/**
 * A recomputation that yields once (as a real query would), then moves the clock on by `seconds` and
 * resolves to `value`, or rejects with `error`. It counts its calls in `calls.count`.
 */
function recomputation<V>(clock: TestClock, seconds: number, outcome: { value: V } | { error: Error }, calls = { count: 0 }): () => Promise<V> {
  return async () => {
    calls.count++;
    await Promise.resolve();
    clock.time += seconds;
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}

/** Awaits `promise` and fails with a message in words if it rejects. */
async function resolves<V>(what: string, promise: Promise<V>): Promise<V> {
  try {
    return await promise;
  } catch (error) {
    assert.fail(`${what} should resolve, but it rejected with ${describeValue(error)}`);
  }
}

/** Awaits `promise` and checks that it rejects with exactly `error`. */
async function rejectsWith(what: string, promise: Promise<unknown>, error: Error): Promise<void> {
  let result: unknown;
  try {
    result = await promise;
  } catch (got) {
    if (got !== error) assert.fail(`${what} should reject with the recomputation's own error (${describeValue(error)}), but it rejected with ${describeValue(got)}`);
    return;
  }
  assert.fail(`${what} should reject with the recomputation's error, but it resolved to ${describeValue(result)}`);
}

/**
 * A cache holding `value` under 'k', loaded by a recomputation that started at `start` and took `delta`
 * seconds, so that its expiry is start + delta + ttl.
 */
async function cacheHolding(value: string, options: { start: number; delta: number; ttl: number; beta?: number; draw?: () => number }) {
  const clock = new TestClock(options.start);
  const random = counted(options.draw ?? (() => 0.5));
  const cache = new XFetchCache<string>({ now: clock.now, random: random.random, ...(options.beta === undefined ? {} : { beta: options.beta }) });
  await resolves('the first get, a miss', cache.get('k', options.ttl, recomputation(clock, options.delta, { value })));
  return { clock, random, cache };
}

describe('shouldRecomputeEarly', () => {
  it('with rand = 1 it looks no further than now: true exactly from now = expiry on', () => {
    expectExactly('shouldRecomputeEarly(10, 10, 2, 1, 1)', shouldRecomputeEarly(10, 10, 2, 1, 1), true);
    expectExactly('shouldRecomputeEarly(11, 10, 2, 1, 1)', shouldRecomputeEarly(11, 10, 2, 1, 1), true);
    expectExactly('shouldRecomputeEarly(9.999, 10, 2, 1, 1)', shouldRecomputeEarly(9.999, 10, 2, 1, 1), false);
  });

  it('looks ahead of now by −δβ·ln(rand), so a fresh value can be recomputed before it expires', () => {
    // −ln(0.5) ≈ 0.693, so with δ = 2 and β = 1 it looks about 1.386 s ahead.
    expectExactly('shouldRecomputeEarly(9, 10, 2, 1, 0.5), 1 s before expiry', shouldRecomputeEarly(9, 10, 2, 1, 0.5), true);
    expectExactly('shouldRecomputeEarly(8.5, 10, 2, 1, 0.5), 1.5 s before expiry', shouldRecomputeEarly(8.5, 10, 2, 1, 0.5), false);
    // A tiny rand looks far ahead: −ln(1e-6) ≈ 13.8.
    expectExactly('shouldRecomputeEarly(0, 10, 1, 1, 1e-6), 10 s before expiry', shouldRecomputeEarly(0, 10, 1, 1, 1e-6), true);
  });

  it('scales the look-ahead by δ and by β', () => {
    expectExactly('shouldRecomputeEarly(8.5, 10, 3, 1, 0.5): δ = 3 looks about 2.08 s ahead', shouldRecomputeEarly(8.5, 10, 3, 1, 0.5), true);
    expectExactly('shouldRecomputeEarly(8.5, 10, 2, 1.5, 0.5): β = 1.5 looks about 2.08 s ahead', shouldRecomputeEarly(8.5, 10, 2, 1.5, 0.5), true);
    expectExactly('shouldRecomputeEarly(9, 10, 2, 0.5, 0.5): β = 0.5 looks about 0.69 s ahead', shouldRecomputeEarly(9, 10, 2, 0.5, 0.5), false);
    expectExactly('shouldRecomputeEarly(9.99, 10, 0, 1, 0.01): δ = 0 never looks ahead', shouldRecomputeEarly(9.99, 10, 0, 1, 0.01), false);
  });

  it('says true for exactly the rands up to e^(−r/(δβ)), r being the time left (δ = 0.2 s, β = 1)', () => {
    // Over a grid of 10 000 rands in (0, 1], the share that says true is e^(−r/(δβ)) to within one grid step.
    const grid = 10_000;
    for (const [left, p] of [
      [0.05, 0.7788],
      [0.2, 0.3679],
      [1, 0.006738],
    ] as const) {
      let yes = 0;
      for (let k = 1; k <= grid; k++) if (shouldRecomputeEarly(100 - left, 100, 0.2, 1, k / grid)) yes++;
      if (Math.abs(yes / grid - p) > 2 / grid) {
        assert.fail(`with ${left} s left, δ = 0.2 and β = 1, shouldRecomputeEarly should be true for a share e^(−${left}/0.2) ≈ ${p} of the rands in (0, 1], but it was true for ${yes / grid}`);
      }
    }
  });
});

describe('XFetchCache', () => {
  it('recomputes on a miss and resolves to the value; within the TTL, get returns the cached value', async () => {
    const clock = new TestClock(100);
    const cache = new XFetchCache<string>({ now: clock.now, random: () => 0.5 });
    const calls = { count: 0 };
    expectExactly('get on a miss', await resolves('get on a miss', cache.get('k', 100, recomputation(clock, 1, { value: 'v1' }, calls))), 'v1');
    expectExactly('recompute calls after the miss', calls.count, 1);
    clock.time = 150;
    const second = await resolves('get 49 s into the TTL', cache.get('k', 100, recomputation(clock, 1, { value: 'v2' }, calls)));
    expectExactly('get 49 s into a 100 s TTL, with 50 s left (δ = 1 s)', second, 'v1');
    expectExactly('recompute calls after the second get', calls.count, 1);
  });

  it('draws no random number on a miss or for an expired value, and exactly one for each get of a fresh value', async () => {
    const { clock, random, cache } = await cacheHolding('v1', { start: 100, delta: 1, ttl: 100 });
    expectExactly('random numbers drawn by a get on a miss', random.draws(), 0);
    for (const t of [120, 140, 160]) {
      clock.time = t;
      await resolves(`get at ${t} s`, cache.get('k', 100, recomputation(clock, 1, { value: 'v2' })));
    }
    expectExactly('random numbers drawn by three gets of a fresh value', random.draws(), 3);
    clock.time = 201;
    await resolves('get at the expiry, 201 s', cache.get('k', 100, recomputation(clock, 1, { value: 'v3' })));
    expectExactly('random numbers drawn after a get at the expiry as well', random.draws(), 3);
  });

  it('counts a value as expired from now = expiry on, and then recomputes it', async () => {
    // A recomputation that takes no time gives δ = 0, so no early recomputation can blur the expiry.
    const clock = new TestClock(100);
    const cache = new XFetchCache<string>({ now: clock.now, random: () => 0.5 });
    const calls = { count: 0 };
    await resolves('the miss at 100 s', cache.get('k', 10, recomputation(clock, 0, { value: 'v1' }, calls)));
    clock.time = 109.999;
    expectExactly('get at 109.999 s, before the expiry at 110 s', await resolves('get at 109.999 s', cache.get('k', 10, recomputation(clock, 0, { value: 'v2' }, calls))), 'v1');
    clock.time = 110;
    expectExactly('get at 110 s, the expiry', await resolves('get at 110 s', cache.get('k', 10, recomputation(clock, 0, { value: 'v2' }, calls))), 'v2');
    expectExactly('recompute calls', calls.count, 2);
  });

  it('stores the value with expiry = (time after recompute) + ttl', async () => {
    // The miss at 100 s takes 2 s, so the value expires at 102 + 10 = 112 s; β is tiny, so no early recomputation.
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 2, ttl: 10, beta: 0.001 });
    const calls = { count: 0 };
    clock.time = 111.5;
    expectExactly('get at 111.5 s, with 0.5 s left', await resolves('get at 111.5 s', cache.get('k', 10, recomputation(clock, 2, { value: 'v2' }, calls))), 'v1');
    expectExactly('recompute calls at 111.5 s', calls.count, 0);
    clock.time = 112;
    expectExactly('get at 112 s, the expiry', await resolves('get at 112 s', cache.get('k', 10, recomputation(clock, 2, { value: 'v2' }, calls))), 'v2');
    expectExactly('recompute calls at 112 s', calls.count, 1);
  });

  it('learns δ from the clock read before recompute and the one after its promise settles', async () => {
    // The miss at 100 s takes 2 s: δ = 2, expiry 102 + 100 = 202. With rand = 0.5 and β = 1 the reader
    // looks δ·ln 2 ≈ 1.386 s ahead.
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 2, ttl: 100 });
    const calls = { count: 0 };
    clock.time = 200.5;
    expectExactly('get with 1.5 s left', await resolves('get with 1.5 s left', cache.get('k', 100, recomputation(clock, 2, { value: 'v2' }, calls))), 'v1');
    expectExactly('recompute calls with 1.5 s left (1.5 > 1.386, so no early recomputation)', calls.count, 0);
    clock.time = 200.75;
    expectExactly('get with 1.25 s left', await resolves('get with 1.25 s left', cache.get('k', 100, recomputation(clock, 2, { value: 'v2' }, calls))), 'v2');
    expectExactly('recompute calls with 1.25 s left (1.25 <= 1.386, so an early recomputation)', calls.count, 1);
  });

  it('learns δ again at every recomputation', async () => {
    // δ = 1 from the miss; the early recomputation at 200.5 s takes 4 s, so δ = 4 and expiry = 204.5 + 100.
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 1, ttl: 100 });
    clock.time = 200.5;
    expectExactly('get with 0.5 s left (δ = 1 looks 0.69 s ahead)', await resolves('get at 200.5 s', cache.get('k', 100, recomputation(clock, 4, { value: 'v2' }))), 'v2');
    const calls = { count: 0 };
    clock.time = 301.5;
    expectExactly('get with 3 s left (δ = 4 looks 2.77 s ahead)', await resolves('get at 301.5 s', cache.get('k', 100, recomputation(clock, 1, { value: 'v3' }, calls))), 'v2');
    clock.time = 302;
    expectExactly('get with 2.5 s left', await resolves('get at 302 s', cache.get('k', 100, recomputation(clock, 1, { value: 'v3' }, calls))), 'v3');
    expectExactly('recompute calls after the second early recomputation', calls.count, 1);
  });

  it('uses β = 1 when it is left out, and scales the look-ahead by β when given', async () => {
    // δ = 2: with β = 1 the reader looks 1.386 s ahead, with β = 2 it looks 2.77 s ahead.
    for (const [beta, early] of [
      [undefined, false],
      [1, false],
      [2, true],
    ] as const) {
      const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 2, ttl: 100, ...(beta === undefined ? {} : { beta }) });
      const calls = { count: 0 };
      clock.time = 200;
      await resolves('get with 2 s left', cache.get('k', 100, recomputation(clock, 2, { value: 'v2' }, calls)));
      expectExactly(`recompute calls of a get with 2 s left, δ = 2 and ${beta === undefined ? 'β left out' : `β = ${beta}`}`, calls.count, early ? 1 : 0);
    }
  });

  it('resolves to the new value after an early recomputation, and serves it from then on', async () => {
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 1, ttl: 100 });
    clock.time = 200.5;
    expectExactly('the early recomputation', await resolves('get at 200.5 s', cache.get('k', 100, recomputation(clock, 1, { value: 'v2' }))), 'v2');
    const calls = { count: 0 };
    clock.time = 250;
    expectExactly('get 48.5 s later', await resolves('get at 250 s', cache.get('k', 100, recomputation(clock, 1, { value: 'v3' }, calls))), 'v2');
    expectExactly('recompute calls at 250 s, with 51.5 s left', calls.count, 0);
  });

  it('returns and keeps the cached value when an early recomputation fails', async () => {
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 1, ttl: 100 });
    clock.time = 200.5;
    const calls = { count: 0 };
    const first = await resolves('get whose early recomputation fails', cache.get('k', 100, recomputation(clock, 0, { error: new Error('database down') }, calls)));
    expectExactly('get whose early recomputation fails', first, 'v1');
    expectExactly('recompute calls', calls.count, 1);
    // Had the value been dropped, this get would be a miss and reject.
    const second = await resolves('a second get whose early recomputation fails', cache.get('k', 100, recomputation(clock, 0, { error: new Error('still down') }, calls)));
    expectExactly('a second get whose early recomputation fails', second, 'v1');
  });

  it('rejects with the error and caches nothing when the recomputation on a miss fails', async () => {
    const clock = new TestClock(100);
    const random = counted(() => 0.5);
    const cache = new XFetchCache<string>({ now: clock.now, random: random.random });
    const error = new Error('database down');
    await rejectsWith('get on a miss whose recomputation fails', cache.get('k', 100, recomputation(clock, 1, { error })), error);
    const calls = { count: 0 };
    expectExactly('the next get', await resolves('the next get', cache.get('k', 100, recomputation(clock, 1, { value: 'v1' }, calls))), 'v1');
    expectExactly('recompute calls of the next get, a miss again', calls.count, 1);
    expectExactly('random numbers drawn by the two gets, both misses', random.draws(), 0);
  });

  it('rejects with the error when the recomputation of an expired value fails, from now = expiry on', async () => {
    const { clock, cache } = await cacheHolding('v1', { start: 100, delta: 0, ttl: 10 });
    clock.time = 110;
    const error = new Error('database down');
    await rejectsWith('get at the expiry whose recomputation fails', cache.get('k', 10, recomputation(clock, 0, { error })), error);
    clock.time = 115;
    const later = new Error('still down');
    await rejectsWith('get after the expiry whose recomputation fails', cache.get('k', 10, recomputation(clock, 0, { error: later })), later);
  });

  it('keeps each key apart: its own value, δ and expiry', async () => {
    const clock = new TestClock(100);
    const cache = new XFetchCache<string>({ now: clock.now, random: () => 0.5 });
    await resolves('the miss of a', cache.get('a', 100, recomputation(clock, 1, { value: 'A' })));
    await resolves('the miss of b', cache.get('b', 50, recomputation(clock, 3, { value: 'B' })));
    // a: δ = 1, expiry 201. b: δ = 3, expiry 104 + 50 = 154, looking 2.08 s ahead.
    clock.time = 152.5;
    const calls = { count: 0 };
    expectExactly("get('a') at 152.5 s", await resolves("get('a')", cache.get('a', 100, recomputation(clock, 1, { value: 'A2' }, calls))), 'A');
    expectExactly("recompute calls of get('a')", calls.count, 0);
    expectExactly("get('b') at 152.5 s, 1.5 s before its expiry", await resolves("get('b')", cache.get('b', 50, recomputation(clock, 1, { value: 'B2' }, calls))), 'B2');
    expectExactly("recompute calls of get('b')", calls.count, 1);
  });

  it('counts falsy values such as 0 and the empty string as cached values', async () => {
    const clock = new TestClock(100);
    const cache = new XFetchCache<number | string>({ now: clock.now, random: () => 0.5 });
    await resolves('the miss of zero', cache.get('zero', 100, recomputation<number | string>(clock, 1, { value: 0 })));
    await resolves('the miss of empty', cache.get('empty', 100, recomputation<number | string>(clock, 1, { value: '' })));
    const calls = { count: 0 };
    clock.time = 120;
    expectExactly("get('zero') within its TTL", await resolves("get('zero')", cache.get('zero', 100, recomputation<number | string>(clock, 1, { value: 7 }, calls))), 0);
    expectExactly("get('empty') within its TTL", await resolves("get('empty')", cache.get('empty', 100, recomputation<number | string>(clock, 1, { value: 'x' }, calls))), '');
    expectExactly('recompute calls', calls.count, 0);
  });

  it('recomputes a fresh value early with probability e^(−r/(δβ)), over 6000 seeded draws each', async () => {
    const rng = createRng(20261126);
    // Each trial: a new cache, a miss at 100 s that takes δ = 0.5 s (expiry 110.5 s), then one get r s before the expiry.
    for (const [left, beta, p] of [
      [0.5, 1, Math.exp(-1)],
      [0.25, 2, Math.exp(-0.25)],
    ] as const) {
      const trials = 6000;
      let early = 0;
      for (let i = 0; i < trials; i++) {
        const clock = new TestClock(100);
        const cache = new XFetchCache<number>({ now: clock.now, random: () => 1 - rng.next(), beta });
        await cache.get('k', 10, recomputation(clock, 0.5, { value: 1 }));
        clock.time = 110.5 - left;
        const calls = { count: 0 };
        await cache.get('k', 10, recomputation(clock, 0.5, { value: 2 }, calls));
        early += calls.count;
      }
      // Hoeffding: a correct cache misses p by more than 0.05 with probability <= 2·e^(−2·6000·0.05²) ≈ 1.9e-13.
      if (Math.abs(early / trials - p) > 0.05) {
        assert.fail(`with ${left} s left, δ = 0.5 s and β = ${beta}, a fresh value should be recomputed early in a share e^(−${left}/(0.5·${beta})) ≈ ${p.toFixed(4)} of the gets, but it was in ${(early / trials).toFixed(4)}`);
      }
    }
  });
});
