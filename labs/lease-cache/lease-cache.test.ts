// Autograder for the lease-cache lab. Each test is one graded behaviour; points and hints for each are
// in lab.json, keyed by the test's full name. Run: npm run grade lease-cache
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly } from '../../src/labkit/assertions';
import { LeaseCache, type LeaseGet } from './lease-cache';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

/** A clock the test moves by hand, in seconds. */
class TestClock {
  constructor(public time = 0) {}
  readonly now = (): number => this.time;
}

function newCache(leaseInterval?: number): { clock: TestClock; cache: LeaseCache<string> } {
  const clock = new TestClock();
  const cache = new LeaseCache<string>({ now: clock.now, ...(leaseInterval === undefined ? {} : { leaseInterval }) });
  return { clock, cache };
}

/** Checks that `answer` is a miss with a numeric token, and returns the token. */
function expectMiss(what: string, answer: LeaseGet<string>): number {
  const got = answer as { kind?: unknown; token?: unknown } | undefined;
  if (got?.kind !== 'miss' || typeof got.token !== 'number') assert.fail(`${what} should be a miss with a token, but it was ${describeValue(answer)}`);
  return got.token;
}

/** Checks that `answer` is a wait, with `stale` as its stale value (undefined: none). */
function expectWait(what: string, answer: LeaseGet<string>, stale?: string): void {
  const got = answer as { kind?: unknown; stale?: unknown } | undefined;
  if (got?.kind !== 'wait') assert.fail(`${what} should be a wait${stale === undefined ? '' : ` with the stale value ${describeValue(stale)}`}, but it was ${describeValue(answer)}`);
  if (got.stale !== stale) {
    assert.fail(
      `${what} is a wait, and its stale value should be ${stale === undefined ? 'absent (nothing was deleted)' : describeValue(stale)}, but it was ${describeValue(got.stale)}`,
    );
  }
}

/** Checks that `answer` is a hit with `value`. */
function expectHit(what: string, answer: LeaseGet<string>, value: string): void {
  const got = answer as { kind?: unknown; value?: unknown } | undefined;
  if (got?.kind !== 'hit' || got.value !== value) assert.fail(`${what} should be a hit with ${describeValue(value)}, but it was ${describeValue(answer)}`);
}

/** Fills `key` with `value` through a lease, as a client that missed would. */
function fill(cache: LeaseCache<string>, key: string, value: string): void {
  const token = expectMiss(`get('${key}') on an empty key`, cache.get(key));
  expectExactly(`set('${key}', '${value}', its token)`, cache.set(key, value, token), true);
}

describe('LeaseCache', () => {
  it('hands a token to a reader of a missing key; set with that token stores the value, and then get is a hit', () => {
    const { cache } = newCache();
    const token = expectMiss("get('k') on an empty cache", cache.get('k'));
    expectExactly("set('k', 'v1', token)", cache.set('k', 'v1', token), true);
    expectHit("get('k') after the set", cache.get('k'), 'v1');
    expectHit("get('k') again", cache.get('k'), 'v1');
  });

  it('tells the other readers of a missing key to wait while the lease is outstanding, handing out one token only', () => {
    const { clock, cache } = newCache();
    expectMiss("the first get('k')", cache.get('k'));
    for (const t of [0, 0.001, 3, 9.5]) {
      clock.time = t;
      expectWait(`get('k') at ${t} s, with the lease issued at 0 s outstanding`, cache.get('k'));
    }
  });

  it('uses the lease up when its set succeeds: the same token cannot set again', () => {
    const { cache } = newCache();
    const token = expectMiss("get('k')", cache.get('k'));
    expectExactly("the first set('k', 'v1', token)", cache.set('k', 'v1', token), true);
    expectExactly("a second set('k', 'v2', token) with the same token", cache.set('k', 'v2', token), false);
    expectHit("get('k') after the refused set", cache.get('k'), 'v1');
  });

  it("refuses a set whose token is not the key's outstanding lease, and changes nothing", () => {
    const { cache } = newCache();
    const a = expectMiss("get('a')", cache.get('a'));
    const b = expectMiss("get('b')", cache.get('b'));
    expectExactly("set('b', 'x', the token of 'a')", cache.set('b', 'x', a), false);
    const never = Math.max(a, b) + 1000;
    expectExactly(`set('b', 'x', ${never}), a token never handed out`, cache.set('b', 'x', never), false);
    expectExactly("set('c', 'x', the token of 'b'), a key that has no lease", cache.set('c', 'x', b), false);
    expectWait("get('b') after the refused sets (its lease is still outstanding)", cache.get('b'));
    expectExactly("set('b', 'v', its own token) after all that", cache.set('b', 'v', b), true);
    expectHit("get('b')", cache.get('b'), 'v');
  });

  it("voids the key's outstanding lease on delete, so the holder's set fails (no stale set)", () => {
    const { clock, cache } = newCache();
    const token = expectMiss("reader A's get('k')", cache.get('k'));
    // A reads the database; meanwhile a writer updates it and deletes the key.
    clock.time = 0.5;
    cache.delete('k');
    expectExactly("reader A's set('k', 'old', its token) after the delete", cache.set('k', 'old', token), false);
    const next = expectMiss("the next get('k'), within 10 s of A's voided lease", cache.get('k'));
    if (next === token) assert.fail(`the lease issued after the delete should have a fresh token, but it reused ${token}`);
    expectExactly("set('k', 'new', the new token)", cache.set('k', 'new', next), true);
    expectHit("get('k')", cache.get('k'), 'new');
  });

  it('issues a new lease once the latest is leaseInterval (10 s by default) old, and not a moment before', () => {
    const { clock, cache } = newCache();
    const first = expectMiss("get('k') at 0 s", cache.get('k'));
    clock.time = 9.999;
    expectWait("get('k') at 9.999 s", cache.get('k'));
    clock.time = 10;
    const second = expectMiss("get('k') at 10 s, when the lease issued at 0 s is 10 s old", cache.get('k'));
    if (second === first) assert.fail(`the new lease at 10 s should have a fresh token, but it reused ${first}`);
    clock.time = 10.5;
    expectWait("get('k') at 10.5 s", cache.get('k'));
  });

  it('takes the lease interval from the options', () => {
    const { clock, cache } = newCache(2);
    expectMiss("get('k') at 0 s, leaseInterval 2", cache.get('k'));
    clock.time = 1.999;
    expectWait("get('k') at 1.999 s", cache.get('k'));
    clock.time = 2;
    expectMiss("get('k') at 2 s", cache.get('k'));
  });

  it('counts the interval from the latest lease, not the first', () => {
    const { clock, cache } = newCache();
    expectMiss("get('k') at 0 s", cache.get('k'));
    clock.time = 10;
    expectMiss("get('k') at 10 s", cache.get('k'));
    clock.time = 15;
    expectWait("get('k') at 15 s, 5 s after the latest lease", cache.get('k'));
    clock.time = 20;
    expectMiss("get('k') at 20 s", cache.get('k'));
  });

  it("replaces the older lease: the old token's set fails, the new one's succeeds", () => {
    const { clock, cache } = newCache();
    const old = expectMiss("get('k') at 0 s", cache.get('k'));
    clock.time = 12;
    const fresh = expectMiss("get('k') at 12 s", cache.get('k'));
    expectExactly("set('k', 'slow', the token issued at 0 s)", cache.set('k', 'slow', old), false);
    expectExactly("set('k', 'v', the token issued at 12 s)", cache.set('k', 'v', fresh), true);
    expectHit("get('k')", cache.get('k'), 'v');
  });

  it('still accepts the set of a holder slower than leaseInterval when no newer lease replaced its token', () => {
    const { clock, cache } = newCache();
    const token = expectMiss("get('k') at 0 s", cache.get('k'));
    clock.time = 25;
    expectExactly("set('k', 'v', the token issued at 0 s), at 25 s, no other get in between", cache.set('k', 'v', token), true);
    expectHit("get('k')", cache.get('k'), 'v');
  });

  it('never hands out the same token twice, across keys and over time', () => {
    const { clock, cache } = newCache();
    const seen = new Map<number, string>();
    const record = (what: string, answer: LeaseGet<string>) => {
      const token = expectMiss(what, answer);
      const before = seen.get(token);
      if (before !== undefined) assert.fail(`${what} handed out token ${token}, which ${before} had already received`);
      seen.set(token, what);
      return token;
    };
    for (let round = 0; round < 3; round++) {
      clock.time = round * 10;
      for (const key of ['a', 'b', 'c']) record(`get('${key}') at ${clock.time} s`, cache.get(key));
      const b = record(`get('b') at ${clock.time} s after a delete`, (cache.delete('b'), cache.get('b')));
      expectExactly(`set('b', 'v', its token) at ${clock.time} s`, cache.set('b', 'v', b), true);
      cache.delete('b');
    }
    expectExactly('distinct tokens handed out', seen.size, 12);
  });

  it('removes the value on delete and offers it as the stale value of wait answers', () => {
    const { cache } = newCache();
    fill(cache, 'k', 'v1');
    cache.delete('k');
    expectMiss("the first get('k') after the delete", cache.get('k'));
    expectWait("the second get('k') after the delete", cache.get('k'), 'v1');
    expectWait("a third get('k')", cache.get('k'), 'v1');
  });

  it('keeps the stale value until a new value is set; the next delete makes the newer value stale', () => {
    const { cache } = newCache();
    fill(cache, 'k', 'v1');
    cache.delete('k');
    const token = expectMiss("get('k') after deleting v1", cache.get('k'));
    expectWait("get('k') while the lease is out", cache.get('k'), 'v1');
    expectExactly("set('k', 'v2', token)", cache.set('k', 'v2', token), true);
    expectHit("get('k') after the set", cache.get('k'), 'v2');
    cache.delete('k');
    expectMiss("get('k') after deleting v2", cache.get('k'));
    expectWait("get('k') while the new lease is out", cache.get('k'), 'v2');
  });

  it('keeps the stale value when a delete finds no value, while still voiding the lease', () => {
    const { cache } = newCache();
    fill(cache, 'k', 'v1');
    cache.delete('k');
    const token = expectMiss("get('k') after deleting v1", cache.get('k'));
    cache.delete('k');
    expectExactly("set('k', 'v2', token) after a second delete", cache.set('k', 'v2', token), false);
    expectMiss("get('k') after the second delete", cache.get('k'));
    expectWait("get('k') while the newest lease is out", cache.get('k'), 'v1');
  });

  it('keeps keys apart: values, leases and stale values are per key', () => {
    const { cache } = newCache();
    fill(cache, 'a', 'A');
    cache.delete('a');
    expectMiss("get('a')", cache.get('a'));
    const b = expectMiss("get('b') while 'a' has a lease out", cache.get('b'));
    expectWait("get('b') again", cache.get('b'));
    cache.delete('a');
    expectExactly("set('b', 'B', its token) after a delete of 'a'", cache.set('b', 'B', b), true);
    expectHit("get('b')", cache.get('b'), 'B');
    expectMiss("get('a') after its second delete", cache.get('a'));
    expectWait("get('a') again", cache.get('a'), 'A');
  });

  it('follows the contract for any sequence of gets, sets, deletes and clock moves on three keys', () => {
    type Op =
      | { kind: 'get'; key: number }
      | { kind: 'set'; key: number; which: 'latest' | 'older' | 'other-key' }
      | { kind: 'delete'; key: number }
      | { kind: 'advance'; seconds: number };
    const key = fc.integer({ min: 0, max: 2 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('get' as const), key }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), key, which: fc.constantFrom('latest' as const, 'older' as const, 'other-key' as const) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.constantFrom(0.5, 1, 2.5, 4, 10) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const clock = new TestClock();
        const cache = new LeaseCache<string>({ now: clock.now, leaseInterval: 5 });
        // The contract, kept by the test: per key, the value, the stale value and the outstanding lease.
        const value = new Map<number, string>();
        const stale = new Map<number, string>();
        const lease = new Map<number, { token: number; issuedAt: number }>();
        const tokens: number[][] = [[], [], []]; // every token each key received, in order
        const seen = new Set<number>();
        let written = 0;
        ops.forEach((step, index) => {
          const where = `At step ${index + 1} (${JSON.stringify(step)}), at ${clock.time} s with leaseInterval 5`;
          if (step.kind === 'advance') {
            clock.time += step.seconds;
          } else if (step.kind === 'get') {
            const got = cache.get(`k${step.key}`) as { kind?: unknown; value?: unknown; token?: unknown; stale?: unknown };
            const out = lease.get(step.key);
            if (value.has(step.key)) {
              if (got?.kind !== 'hit' || got.value !== value.get(step.key)) throw new Error(`${where}, get should be a hit with ${describeValue(value.get(step.key))}, but it was ${describeValue(got)}`);
            } else if (out !== undefined && clock.time - out.issuedAt < 5) {
              if (got?.kind !== 'wait' || got.stale !== stale.get(step.key)) {
                throw new Error(`${where}, get should be a wait with stale ${describeValue(stale.get(step.key))} (a lease issued at ${out.issuedAt} s is outstanding), but it was ${describeValue(got)}`);
              }
            } else {
              if (got?.kind !== 'miss' || typeof got.token !== 'number') throw new Error(`${where}, get should be a miss with a token, but it was ${describeValue(got)}`);
              if (seen.has(got.token)) throw new Error(`${where}, get handed out token ${got.token}, which had been handed out before`);
              seen.add(got.token);
              tokens[step.key]!.push(got.token);
              lease.set(step.key, { token: got.token, issuedAt: clock.time });
            }
          } else if (step.kind === 'set') {
            const mine = tokens[step.key]!;
            const other = tokens[(step.key + 1) % 3]!;
            const token = step.which === 'latest' ? mine[mine.length - 1] : step.which === 'older' ? mine[mine.length - 2] : other[other.length - 1];
            if (token === undefined) return;
            const text = `w${written++}`;
            const ok = lease.get(step.key)?.token === token;
            const got = cache.set(`k${step.key}`, text, token);
            if (got !== ok) throw new Error(`${where}, set with the ${step.which} token (${token}) should return ${ok}, but it returned ${describeValue(got)}`);
            if (ok) {
              lease.delete(step.key);
              value.set(step.key, text);
              stale.delete(step.key);
            }
          } else {
            cache.delete(`k${step.key}`);
            if (value.has(step.key)) stale.set(step.key, value.get(step.key)!);
            value.delete(step.key);
            lease.delete(step.key);
          }
        });
      }),
      property,
    );
  });
});
