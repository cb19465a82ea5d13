// Autograder for the tiered-cache lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade tiered-cache
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { ManualClock } from '../../src/models/common/clock';
import { edgeDecision, EdgeCache, tieredCdn, type EdgeDecision, type EdgeResponse, type HttpResponse, type Upstream } from './tiered-cache';

/** Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example date), in ms since the epoch: the tests' "now". */
const NOW = Date.UTC(1994, 10, 6, 8, 49, 37);
/** The HTTP-date `seconds` from NOW, in the form `Sun, 06 Nov 1994 08:49:37 GMT`. */
const httpDate = (seconds: number): string => new Date(NOW + seconds * 1000).toUTCString();

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

// ---------------------------------------------------------------------------------------------
// Helpers for edgeDecision
// ---------------------------------------------------------------------------------------------

const call = (status: number, headers: Record<string, string>): string => `edgeDecision(${status}, ${JSON.stringify(headers)}, now)`;

/** Checks all four numbers of a decision, naming the call in the message. */
function expectDecision(status: number, headers: Record<string, string>, want: EdgeDecision, now = NOW): void {
  const got = edgeDecision(status, headers, now) as Partial<EdgeDecision> | undefined;
  const fields = ['storable', 'freshFor', 'staleWhileRevalidate', 'staleIfError'] as const;
  const wrong = fields.filter((f) => !Object.is(got?.[f], want[f]));
  if (wrong.length) {
    assert.fail(
      `${call(status, headers)} should give ${describeValue(want)}, but it gave ${describeValue(got)} ` +
        `(${wrong.map((f) => `${f} should be ${describeValue(want[f])}`).join('; ')})`,
    );
  }
}

/** Checks one number of a decision. */
function expectField<K extends keyof EdgeDecision>(status: number, headers: Record<string, string>, field: K, want: EdgeDecision[K]): void {
  const got = edgeDecision(status, headers, NOW) as Partial<EdgeDecision> | undefined;
  expectExactly(`${call(status, headers)}.${field}`, got?.[field], want);
}

const fresh = (freshFor: number, staleWhileRevalidate = 0, staleIfError = 0): EdgeDecision => ({ storable: true, freshFor, staleWhileRevalidate, staleIfError });

// ---------------------------------------------------------------------------------------------
// Helpers for the caches: an origin that counts requests and can hold its answers, and a way to
// see whether a promise has settled once everything already queued has run
// ---------------------------------------------------------------------------------------------

/** What the origin answers for a path, given how many requests it has had in all (1 for the first). */
type Reply = (path: string, request: number) => HttpResponse;

const ok = (cacheControl: string, body: string, extra: Record<string, string> = {}): HttpResponse => ({
  status: 200,
  headers: { 'cache-control': cacheControl, ...extra },
  body,
});

/** An origin that records every request; while `hold` is set, its answers wait for `release()`. */
class TestOrigin implements Upstream {
  readonly requests: string[] = [];
  hold = false;
  #held: (() => void)[] = [];

  constructor(public reply: Reply) {}

  fetch(path: string): Promise<HttpResponse> {
    this.requests.push(path);
    const response = this.reply(path, this.requests.length);
    if (!this.hold) return Promise.resolve(response);
    return new Promise((resolve) => this.#held.push(() => resolve(response)));
  }

  /** How many requests are waiting for their answer. */
  get waiting(): number {
    return this.#held.length;
  }

  /** Answers every request that is waiting. */
  release(): void {
    for (const answer of this.#held.splice(0)) answer();
  }
}

/** Lets every callback already queued run (promise reactions included), then returns. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Settled<T> = { done: true; value: T } | { done: false };

/** Whether `promise` has settled once everything queued has run; a rejection is rethrown. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  let outcome: Settled<T> | { done: true; error: unknown } = { done: false };
  promise.then(
    (value) => (outcome = { done: true, value }),
    (error: unknown) => (outcome = { done: true, error }),
  );
  await flush();
  const o = outcome as Settled<T> | { done: true; error: unknown };
  if ('error' in o) throw o.error;
  return o;
}

/** The answer of `promise`, which must have arrived by now. */
async function answered<T>(what: string, promise: Promise<T>): Promise<T> {
  const s = await settle(promise);
  if (!s.done) assert.fail(`${what} should have answered by now, but it was still waiting`);
  return s.value;
}

/** Releases the origin's held answers until none is waiting (at most `rounds` times). */
async function drain(origin: TestOrigin, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds && origin.waiting > 0; i++) {
    origin.release();
    await flush();
  }
}

function expectAnswer(what: string, got: EdgeResponse | undefined, want: { cache: string; body: string; status?: number; age?: string }): void {
  expectExactly(`${what}: its cache status`, got?.cache, want.cache);
  expectExactly(`${what}: its body`, got?.body, want.body);
  expectExactly(`${what}: its status`, got?.status, want.status ?? 200);
  if (want.age !== undefined) expectExactly(`${what}: its age header`, got?.headers?.age, want.age);
}

function expectOriginRequests(what: string, origin: TestOrigin, want: number): void {
  expectExactly(`requests the origin received ${what}`, origin.requests.length, want);
}

/** Calls `make` and checks that it throws a TypeError whose message names `argument`. */
function expectTypeError(what: string, make: () => unknown, argument: string): void {
  let thrown: unknown;
  try {
    make();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof TypeError) || !thrown.message.includes(argument)) {
    assert.fail(`${what} should throw a TypeError naming "${argument}", but it ${thrown === undefined ? 'returned normally' : `threw ${describeValue(thrown)}`}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. edgeDecision
// ---------------------------------------------------------------------------------------------

describe('edgeDecision', () => {
  it('a response with max-age is storable and fresh for max-age seconds, with no stale windows', () => {
    expectDecision(200, { 'cache-control': 'max-age=60' }, fresh(60));
    expectDecision(200, { 'cache-control': 'public, max-age=3600' }, fresh(3600));
    expectDecision(404, { 'cache-control': 'max-age=5' }, fresh(5));
  });

  it('s-maxage overrides max-age at a shared cache, whether it is shorter or longer', () => {
    expectField(200, { 'cache-control': 's-maxage=30, max-age=600' }, 'freshFor', 30);
    expectField(200, { 'cache-control': 'max-age=30, s-maxage=600' }, 'freshFor', 600);
    expectField(200, { 'cache-control': 's-maxage=120' }, 'freshFor', 120);
    expectField(200, { 'cache-control': 's-maxage=120', date: httpDate(0), expires: httpDate(3600) }, 'freshFor', 120);
  });

  it('max-age overrides Expires, whatever Expires says', () => {
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(0), expires: httpDate(3600) }, 'freshFor', 60);
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(0), expires: httpDate(-3600) }, 'freshFor', 60);
    expectField(200, { 'cache-control': 'max-age=60', expires: '0' }, 'freshFor', 60);
  });

  it("without max-age or s-maxage, the lifetime is Expires minus Date: the origin's clock, not the edge's", () => {
    expectField(200, { date: httpDate(0), expires: httpDate(100) }, 'freshFor', 100);
    // The origin's clock runs 20 s ahead of the edge's: the lifetime is still 100 s.
    expectField(200, { date: httpDate(20), expires: httpDate(120) }, 'freshFor', 100);
    // Generated 10 s ago: 100 s of lifetime, 10 s of age.
    expectField(200, { date: httpDate(-10), expires: httpDate(90) }, 'freshFor', 90);
    // No Date: the moment the response is received stands in for it.
    expectField(200, { expires: httpDate(100) }, 'freshFor', 100);
    expectField(200, { date: httpDate(0), expires: httpDate(-1) }, 'freshFor', 0);
  });

  it('subtracts the current age from the lifetime, and never gives less than 0', () => {
    expectField(200, { 'cache-control': 'max-age=60', age: '20' }, 'freshFor', 40);
    expectDecision(200, { 'cache-control': 'max-age=600, stale-while-revalidate=30', age: '100' }, fresh(500, 30));
    expectField(200, { 'cache-control': 'max-age=60', age: '60' }, 'freshFor', 0);
    expectField(200, { 'cache-control': 'max-age=60', age: '100' }, 'freshFor', 0);
  });

  it('takes the current age from Date when there is no Age, and the larger of the two when there are both', () => {
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(-15) }, 'freshFor', 45);
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(-15), age: '30' }, 'freshFor', 30);
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(-40), age: '10' }, 'freshFor', 20);
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(-90) }, 'freshFor', 0);
    // A Date in the future (the origin's clock runs ahead) is not a negative age.
    expectField(200, { 'cache-control': 'max-age=60', date: httpDate(30) }, 'freshFor', 60);
  });

  it('private and no-store responses may not be stored by a shared cache, whatever else they say', () => {
    expectField(200, { 'cache-control': 'private' }, 'storable', false);
    expectField(200, { 'cache-control': 'private, max-age=600' }, 'storable', false);
    expectField(200, { 'cache-control': 'public, s-maxage=600, private' }, 'storable', false);
    expectField(200, { 'cache-control': 'no-store' }, 'storable', false);
    expectField(200, { 'cache-control': 'no-store, max-age=600' }, 'storable', false);
    expectField(200, { 'cache-control': 'public, no-store, s-maxage=600' }, 'storable', false);
  });

  it('no-cache: storable, but never fresh', () => {
    expectDecision(200, { 'cache-control': 'no-cache' }, fresh(0));
    expectDecision(200, { 'cache-control': 'no-cache, max-age=600' }, fresh(0));
    expectDecision(200, { 'cache-control': 'public, s-maxage=600, no-cache' }, fresh(0));
  });

  it('reads directive names case-insensitively', () => {
    expectField(200, { 'cache-control': 'Max-Age=60' }, 'freshFor', 60);
    expectField(200, { 'cache-control': 'S-MAXAGE=30, max-age=600' }, 'freshFor', 30);
    expectField(200, { 'cache-control': 'No-Store' }, 'storable', false);
    expectField(200, { 'cache-control': 'PRIVATE, max-age=60' }, 'storable', false);
    expectField(200, { 'cache-control': 'NO-CACHE, max-age=60' }, 'freshFor', 0);
    expectField(200, { 'cache-control': 'max-age=60, Stale-While-Revalidate=30' }, 'staleWhileRevalidate', 30);
    expectField(200, { 'cache-control': 'Must-Revalidate, max-age=60, stale-if-error=10' }, 'staleIfError', 0);
    expectField(500, { 'cache-control': 'Public' }, 'storable', true);
  });

  it('accepts quoted values', () => {
    expectField(200, { 'cache-control': 'max-age="60"' }, 'freshFor', 60);
    expectField(200, { 'cache-control': 's-maxage="30", max-age=600' }, 'freshFor', 30);
    expectDecision(200, { 'cache-control': 'max-age=60, stale-while-revalidate="30", stale-if-error="90"' }, fresh(60, 30, 90));
  });

  it('treats invalid or duplicate freshness information as stale', () => {
    for (const cacheControl of ['max-age=1.5', 'max-age=abc', 'max-age=-5', 'max-age=', 'max-age', 'max-age=60, max-age=120', 's-maxage=60, s-maxage=120']) {
      expectDecision(200, { 'cache-control': cacheControl }, fresh(0));
    }
    // RFC 9111 §5.3: an Expires that is not a date means "already expired".
    for (const expires of ['0', 'Thu, 01 Dec 1994 25:00:00 GMT', 'next week']) {
      expectDecision(200, { date: httpDate(0), expires }, fresh(0));
    }
  });

  it('gives no heuristic freshness: without s-maxage, max-age or Expires, freshFor is 0', () => {
    expectDecision(200, { 'last-modified': httpDate(-365 * 86400) }, fresh(0));
    expectDecision(200, {}, fresh(0));
    expectDecision(301, { date: httpDate(0), 'last-modified': httpDate(-86400) }, fresh(0));
    expectDecision(200, { 'cache-control': 'public' }, fresh(0));
  });

  it('without explicit freshness, stores only the status codes RFC 9110 calls heuristically cacheable', () => {
    const heuristic = new Set([200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501]);
    for (let status = 200; status <= 599; status++) {
      if (status === 206) continue; // partial content: whether a cache understands it is up to the cache
      expectField(status, {}, 'storable', heuristic.has(status));
    }
  });

  it('public makes a response without explicit freshness storable, whatever its status', () => {
    for (const status of [201, 302, 403, 500, 503]) expectDecision(status, { 'cache-control': 'public' }, fresh(0));
  });

  it('explicit freshness (s-maxage, max-age or Expires) makes a response of any status storable', () => {
    expectDecision(302, { 'cache-control': 'max-age=60' }, fresh(60));
    expectDecision(500, { 'cache-control': 's-maxage=30' }, fresh(30));
    expectDecision(201, { date: httpDate(0), expires: httpDate(60) }, fresh(60));
  });

  it('reads stale-while-revalidate and stale-if-error, and gives 0 for each that is absent', () => {
    expectDecision(200, { 'cache-control': 'max-age=600, stale-while-revalidate=30' }, fresh(600, 30, 0));
    expectDecision(200, { 'cache-control': 'max-age=600, stale-if-error=1200' }, fresh(600, 0, 1200));
    expectDecision(200, { 'cache-control': 'stale-if-error=86400, max-age=60, stale-while-revalidate=600' }, fresh(60, 600, 86400));
    expectDecision(200, { 'cache-control': 'max-age=0, stale-while-revalidate=30' }, fresh(0, 30, 0));
  });

  it('must-revalidate, proxy-revalidate and no-cache forbid serving stale: both windows are 0', () => {
    const windows = 'stale-while-revalidate=30, stale-if-error=1200';
    expectDecision(200, { 'cache-control': `max-age=600, must-revalidate, ${windows}` }, fresh(600));
    expectDecision(200, { 'cache-control': `max-age=600, proxy-revalidate, ${windows}` }, fresh(600));
    expectDecision(200, { 'cache-control': `no-cache, max-age=600, ${windows}` }, fresh(0));
  });

  it('s-maxage forbids a shared cache to serve stale (it implies proxy-revalidate): both windows are 0', () => {
    expectDecision(200, { 'cache-control': 's-maxage=600, stale-while-revalidate=30, stale-if-error=1200' }, fresh(600));
    expectDecision(200, { 'cache-control': 'max-age=600, s-maxage=60, stale-if-error=100' }, fresh(60));
  });

  it('decides the same whatever the order, letter case, quoting and spacing of the directives', () => {
    // Spellings by name, so that a counterexample reads "upper", not the source of a function.
    const spellings = {
      lower: (n: string) => n,
      upper: (n: string) => n.toUpperCase(),
      capitalised: (n: string) => n.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase()),
    };
    const spelling = fc.constantFrom<keyof typeof spellings>('lower', 'upper', 'capitalised');
    const seconds = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
    const response = fc.record({
      maxAge: seconds(3600),
      sMaxage: seconds(3600),
      swr: seconds(600),
      sie: seconds(86400),
      isPublic: fc.boolean(),
      mustRevalidate: fc.boolean(),
      extension: fc.boolean(),
      age: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
    });
    const rendered = response.chain((r) => {
      const items: [string, number | undefined][] = [];
      if (r.maxAge !== undefined) items.push(['max-age', r.maxAge]);
      if (r.sMaxage !== undefined) items.push(['s-maxage', r.sMaxage]);
      if (r.swr !== undefined) items.push(['stale-while-revalidate', r.swr]);
      if (r.sie !== undefined) items.push(['stale-if-error', r.sie]);
      if (r.isPublic) items.push(['public', undefined]);
      if (r.mustRevalidate) items.push(['must-revalidate', undefined]);
      if (r.extension) items.push(['immutable', undefined]);
      return fc.record({
        r: fc.constant(r),
        order: fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
        spell: fc.array(spelling, { minLength: items.length, maxLength: items.length }),
        quote: fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }),
        separator: fc.constantFrom(',', ', ', ' ,  ', ',\t'),
      });
    });
    fc.assert(
      fc.property(rendered, ({ r, order, spell, quote, separator }) => {
        const cacheControl = order
          .map(([name, value], i) => spellings[spell[i]!](name) + (value === undefined ? '' : quote[i] ? `="${value}"` : `=${value}`))
          .join(separator);
        const lifetime = r.sMaxage ?? r.maxAge ?? 0;
        // Ages up to the lifetime only: a response that arrives stale is a case the contract leaves open.
        const age = r.age === undefined ? undefined : Math.min(r.age, lifetime);
        const headers: Record<string, string> = { 'cache-control': cacheControl, ...(age === undefined ? {} : { age: String(age) }) };
        const staleAllowed = r.sMaxage === undefined && !r.mustRevalidate;
        const want = fresh(lifetime - (age ?? 0), staleAllowed ? (r.swr ?? 0) : 0, staleAllowed ? (r.sie ?? 0) : 0);
        const got = edgeDecision(200, headers, NOW) as Partial<EdgeDecision> | undefined;
        const fields = ['storable', 'freshFor', 'staleWhileRevalidate', 'staleIfError'] as const;
        if (fields.some((f) => !Object.is(got?.[f], want[f]))) {
          throw new Error(`${call(200, headers)} gave ${describeValue(got)}, but it should give ${describeValue(want)}`);
        }
      }),
      property,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. EdgeCache
// ---------------------------------------------------------------------------------------------

describe('EdgeCache', () => {
  /** An origin whose every answer is `cache-control` with body "<path> v<version>". */
  function versioned(cacheControl: string, extra: Record<string, string> = {}): TestOrigin & { version: number } {
    const origin = new TestOrigin((path) => ok(cacheControl, `${path} v${origin.version}`, extra)) as TestOrigin & { version: number };
    origin.version = 1;
    return origin;
  }

  it('rejects a missing upstream or clock with a TypeError naming it', () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60');
    expectTypeError('new EdgeCache({ upstream: undefined, clock })', () => new EdgeCache({ upstream: undefined as unknown as Upstream, clock }), 'upstream');
    expectTypeError('new EdgeCache({ upstream: {}, clock })', () => new EdgeCache({ upstream: {} as Upstream, clock }), 'upstream');
    expectTypeError('new EdgeCache({ upstream: origin, clock: undefined })', () => new EdgeCache({ upstream: origin, clock: undefined as unknown as ManualClock }), 'clock');
  });

  it('asks the upstream first (MISS), answers from its copy while fresh (HIT, with its age), and asks again once the copy is as old as its lifetime (EXPIRED)', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60');
    const edge = new EdgeCache({ upstream: origin, clock });
    expectAnswer('the first request for /a', await answered('the first request', edge.fetch('/a')), { cache: 'MISS', body: '/a v1' });
    origin.version = 2;
    clock.advance(45_000);
    expectAnswer('a request 45 s later (max-age=60)', await answered('a request 45 s later', edge.fetch('/a')), { cache: 'HIT', body: '/a v1', age: '45' });
    clock.advance(14_000);
    expectAnswer('a request 59 s after the first', await answered('a request 59 s later', edge.fetch('/a')), { cache: 'HIT', body: '/a v1', age: '59' });
    expectOriginRequests('in the first 59 s', origin, 1);
    clock.advance(1_000);
    expectAnswer('a request exactly 60 s after the first', await answered('a request 60 s later', edge.fetch('/a')), { cache: 'EXPIRED', body: '/a v2' });
    expectOriginRequests('after a request at 60 s', origin, 2);
    clock.advance(1_000);
    expectAnswer('a request 1 s after the refresh', await answered('a request 61 s later', edge.fetch('/a')), { cache: 'HIT', body: '/a v2', age: '1' });
  });

  it('counts the age the copy had when it arrived: an Age of 50 leaves 10 of the 60 seconds of max-age', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60', { age: '50' });
    const edge = new EdgeCache({ upstream: origin, clock });
    await answered('the first request', edge.fetch('/a'));
    clock.advance(9_000);
    expectAnswer('a request 9 s later', await answered('a request 9 s later', edge.fetch('/a')), { cache: 'HIT', body: '/a v1', age: '59' });
    clock.advance(1_000);
    origin.version = 2;
    expectAnswer('a request 10 s later (the copy is 60 s old)', await answered('a request 10 s later', edge.fetch('/a')), { cache: 'EXPIRED', body: '/a v2' });
    expectOriginRequests('after 10 s', origin, 2);
  });

  it('does not store private or no-store responses: every request goes to the upstream', async () => {
    const clock = new ManualClock(NOW);
    const origin = new TestOrigin((path, n) => ok(path === '/private' ? 'private, max-age=600' : 'no-store, max-age=600', `${path} #${n}`));
    const edge = new EdgeCache({ upstream: origin, clock });
    for (const path of ['/private', '/no-store']) {
      await answered(`the first request for ${path}`, edge.fetch(path));
      clock.advance(1_000);
      const second = await answered(`the second request for ${path}`, edge.fetch(path));
      expectExactly(`the cache status of a second request for ${path}, 1 s after the first`, second.cache, 'MISS');
    }
    expectExactly('the requests the origin received', describeValue(origin.requests), describeValue(['/private', '/private', '/no-store', '/no-store']));
  });

  it('collapses concurrent misses for one path into one upstream request, and answers them all with its response', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60');
    origin.hold = true;
    const edge = new EdgeCache({ upstream: origin, clock });
    const pending = [edge.fetch('/hot'), edge.fetch('/hot'), edge.fetch('/hot')];
    await flush();
    expectOriginRequests('while three requests for /hot wait for it', origin, 1);
    await drain(origin);
    for (const [i, p] of pending.entries()) expectAnswer(`request ${i + 1} of 3`, await answered(`request ${i + 1} of 3 for /hot`, p), { cache: 'MISS', body: '/hot v1' });
    expectOriginRequests('in all', origin, 1);
    expectExactly('the cache status of a request once the fetch is done', (await answered('a later request', edge.fetch('/hot'))).cache, 'HIT');
  });

  it('does not collapse requests for different paths', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60');
    origin.hold = true;
    const edge = new EdgeCache({ upstream: origin, clock });
    const a = edge.fetch('/a');
    const b = edge.fetch('/b');
    await flush();
    expectExactly('the requests the origin received for /a and /b at once', describeValue([...origin.requests].sort()), describeValue(['/a', '/b']));
    await drain(origin);
    expectExactly('the body for /a', (await answered('the request for /a', a)).body, '/a v1');
    expectExactly('the body for /b', (await answered('the request for /b', b)).body, '/b v1');
  });

  it('collapses the requests that find a stale copy too: one upstream request refreshes it for all', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60');
    const edge = new EdgeCache({ upstream: origin, clock });
    await answered('the first request', edge.fetch('/a'));
    clock.advance(70_000);
    origin.version = 2;
    origin.hold = true;
    const pending = [edge.fetch('/a'), edge.fetch('/a'), edge.fetch('/a')];
    await flush();
    expectOriginRequests('while three requests find the copy 10 s stale', origin, 2);
    await drain(origin);
    for (const [i, p] of pending.entries()) expectAnswer(`request ${i + 1} of 3`, await answered(`request ${i + 1} of 3`, p), { cache: 'EXPIRED', body: '/a v2' });
  });

  it('does not hand a response that is not storable to the requests that waited for it: each asks for its own', async () => {
    const clock = new ManualClock(NOW);
    const origin = new TestOrigin((path, n) => ok('private, max-age=60', `${path} for request ${n}`));
    origin.hold = true;
    const edge = new EdgeCache({ upstream: origin, clock });
    const pending = [edge.fetch('/me'), edge.fetch('/me'), edge.fetch('/me')];
    await drain(origin);
    const bodies = [];
    for (const [i, p] of pending.entries()) bodies.push((await answered(`request ${i + 1} of 3 for /me`, p)).body);
    expectOriginRequests('for three concurrent requests of a private page', origin, 3);
    expectExactly('how many different bodies the three requests got', new Set(bodies).size, 3);
  });

  it('stale-while-revalidate: inside the window, answers at once with the stale copy (UPDATING) and refreshes it once in the background', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60, stale-while-revalidate=30');
    const edge = new EdgeCache({ upstream: origin, clock });
    await answered('the first request', edge.fetch('/a'));
    clock.advance(70_000);
    origin.version = 2;
    origin.hold = true;
    const first = await settle(edge.fetch('/a'));
    if (!first.done) assert.fail('a request 10 s into the stale-while-revalidate window should be answered at once with the stale copy, but it waited for the origin');
    expectAnswer('a request 10 s past freshness', first.value, { cache: 'UPDATING', body: '/a v1', age: '70' });
    expectOriginRequests('after it (one background refresh)', origin, 2);
    clock.advance(5_000);
    expectAnswer('another request 5 s later, while the refresh is out', await answered('the request 15 s past freshness', edge.fetch('/a')), { cache: 'UPDATING', body: '/a v1', age: '75' });
    expectOriginRequests('after the second stale answer (still one refresh)', origin, 2);
    await drain(origin);
    clock.advance(1_000);
    expectAnswer('a request after the refresh came back', await answered('the request after the refresh', edge.fetch('/a')), { cache: 'HIT', body: '/a v2', age: '1' });

    // Without max-age the copy is stale from the start, and the window opens when it arrives.
    const bare = new TestOrigin((path, n) => ok('stale-while-revalidate=30', `${path} #${n}`));
    const other = new EdgeCache({ upstream: bare, clock });
    await answered('the first request for /b', other.fetch('/b'));
    clock.advance(5_000);
    bare.hold = true;
    const soon = await settle(other.fetch('/b'));
    if (!soon.done) assert.fail('a request 5 s after a response with only stale-while-revalidate=30 arrived should be answered at once with the stale copy, but it waited for the origin');
    expectAnswer('a request for /b 5 s after a response with only stale-while-revalidate=30', soon.value, { cache: 'UPDATING', body: '/b #1', age: '5' });
  });

  it('stale-while-revalidate: past the window, the request waits for the upstream (EXPIRED)', async () => {
    const clock = new ManualClock(NOW);
    const origin = versioned('max-age=60, stale-while-revalidate=30');
    const edge = new EdgeCache({ upstream: origin, clock });
    await answered('the first request', edge.fetch('/a'));
    clock.advance(91_000);
    origin.version = 2;
    origin.hold = true;
    const late = edge.fetch('/a');
    const early = await settle(late);
    if (early.done) assert.fail(`a request 31 s past freshness, with stale-while-revalidate=30, should wait for the origin, but it was answered at once with ${describeValue(early.value)}`);
    await drain(origin);
    expectAnswer('a request 31 s past freshness', await answered('the request 31 s past freshness', late), { cache: 'EXPIRED', body: '/a v2' });
  });

  it('stale-if-error: serves the stale copy when the upstream fails inside the window (STALE), and passes the error on outside it', async () => {
    const clock = new ManualClock(NOW);
    let failing = false;
    let version = 1;
    const origin = new TestOrigin((path) =>
      failing ? { status: 503, headers: {}, body: 'origin down' } : ok('max-age=60, stale-if-error=120', `${path} v${version}`),
    );
    const edge = new EdgeCache({ upstream: origin, clock });
    await answered('the first request', edge.fetch('/a'));
    failing = true;
    expectAnswer('a first request for /b while the origin answers 503 (no copy to fall back on)', await answered('the request for /b', edge.fetch('/b')), {
      cache: 'MISS',
      body: 'origin down',
      status: 503,
    });
    clock.advance(100_000);
    expectAnswer('a request for /a 40 s past freshness while the origin answers 503', await answered('the request at 100 s', edge.fetch('/a')), {
      cache: 'STALE',
      body: '/a v1',
      age: '100',
    });
    failing = false;
    version = 2;
    clock.advance(10_000);
    expectAnswer('a request 50 s past freshness once the origin answers again', await answered('the request at 110 s', edge.fetch('/a')), {
      cache: 'EXPIRED',
      body: '/a v2',
    });
    failing = true;
    clock.advance(179_000);
    expectAnswer('a request 119 s past the new copy\'s freshness (stale-if-error=120) while the origin answers 503', await answered('the request at 289 s', edge.fetch('/a')), {
      cache: 'STALE',
      body: '/a v2',
      age: '179',
    });
    clock.advance(1_000);
    expectAnswer('a request exactly 120 s past freshness, when the window has closed', await answered('the request at 290 s', edge.fetch('/a')), {
      cache: 'EXPIRED',
      body: 'origin down',
      status: 503,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 3. tieredCdn
// ---------------------------------------------------------------------------------------------

describe('tieredCdn', () => {
  const origin60 = () => new TestOrigin((path, n) => ok('max-age=60', `${path} #${n}`));

  it('rejects a number of lower or upper tiers that is not an integer >= 1 with a RangeError naming it', () => {
    const clock = new ManualClock(NOW);
    const origin = origin60();
    for (const lowerTiers of [0, 1.5, Number.NaN]) {
      expectRangeError(`tieredCdn({ lowerTiers: ${lowerTiers}, upperTiers: 1 })`, () => tieredCdn({ origin, clock, lowerTiers, upperTiers: 1 }), 'lowerTiers');
    }
    for (const upperTiers of [0, -1, 2.5]) {
      expectRangeError(`tieredCdn({ lowerTiers: 2, upperTiers: ${upperTiers} })`, () => tieredCdn({ origin, clock, lowerTiers: 2, upperTiers }), 'upperTiers');
    }
    const smallest = tieredCdn({ origin, clock, lowerTiers: 1, upperTiers: 1 });
    expectExactly('the number of lower tiers of tieredCdn({ lowerTiers: 1, upperTiers: 1 })', smallest.lower.length, 1);
  });

  it('only upper tiers ask the origin: a path requested at three lower tiers reaches the origin once', async () => {
    const clock = new ManualClock(NOW);
    const origin = origin60();
    const cdn = tieredCdn({ origin, clock, lowerTiers: 3, upperTiers: 1 });
    expectExactly('the number of lower tiers', cdn.lower.length, 3);
    expectExactly('the number of upper tiers', cdn.upper.length, 1);
    for (const [i, lower] of cdn.lower.entries()) {
      expectExactly(`the body lower tier ${i} answers for /a`, (await answered(`lower tier ${i}`, lower.fetch('/a'))).body, '/a #1');
    }
    expectOriginRequests('for /a from three lower tiers', origin, 1);
    expectExactly('how the upper tier answers /a itself', (await answered('the upper tier', cdn.upper[0]!.fetch('/a'))).cache, 'HIT');
  });

  it('gives each path one upper tier, the same from every lower tier, and spreads the paths over the upper tiers', async () => {
    const clock = new ManualClock(NOW);
    const origin = origin60();
    const cdn = tieredCdn({ origin, clock, lowerTiers: 4, upperTiers: 3 });
    const paths = Array.from({ length: 30 }, (_, i) => `/asset-${i + 1}`);
    for (const path of paths) for (const [i, lower] of cdn.lower.entries()) await answered(`lower tier ${i} for ${path}`, lower.fetch(path));
    expectOriginRequests('for 30 paths, each requested at 4 lower tiers', origin, 30);
    const holders = new Map(paths.map((p) => [p, [] as number[]]));
    for (const [j, upper] of cdn.upper.entries()) {
      for (const path of paths) if ((await answered(`upper tier ${j} for ${path}`, upper.fetch(path))).cache === 'HIT') holders.get(path)!.push(j);
    }
    for (const [path, held] of holders) expectExactly(`how many upper tiers hold ${path}`, held.length, 1);
    for (let j = 0; j < 3; j++) {
      const count = paths.filter((p) => holders.get(p)![0] === j).length;
      if (count === 0) assert.fail(`upper tier ${j} of 3 holds none of the 30 paths: spread the paths over the upper tiers (a hash of the path, modulo the number of upper tiers)`);
    }
  });

  it('concurrent misses at several lower tiers meet at the upper tier: the origin sees one request', async () => {
    const clock = new ManualClock(NOW);
    const origin = origin60();
    origin.hold = true;
    const cdn = tieredCdn({ origin, clock, lowerTiers: 5, upperTiers: 2 });
    const pending = cdn.lower.map((lower) => lower.fetch('/hot'));
    await flush();
    expectOriginRequests('while five lower tiers wait for /hot', origin, 1);
    await drain(origin);
    for (const [i, p] of pending.entries()) expectExactly(`the body lower tier ${i} answers`, (await answered(`lower tier ${i}`, p)).body, '/hot #1');
    expectOriginRequests('in all', origin, 1);
  });

  it("a lower tier counts the age of the upper tier's copy: its copy expires when the upper tier's does", async () => {
    const clock = new ManualClock(NOW);
    const origin = origin60();
    const cdn = tieredCdn({ origin, clock, lowerTiers: 2, upperTiers: 1 });
    const [first, second] = cdn.lower as [EdgeCache, EdgeCache];
    await answered('lower tier 0 at 0 s', first.fetch('/a'));
    clock.advance(40_000);
    expectExactly('the age header lower tier 1 passes on at 40 s', (await answered('lower tier 1 at 40 s', second.fetch('/a'))).headers?.age, '40');
    clock.advance(19_000);
    expectAnswer('lower tier 1 at 59 s', await answered('lower tier 1 at 59 s', second.fetch('/a')), { cache: 'HIT', body: '/a #1', age: '59' });
    expectOriginRequests('in the first 59 s', origin, 1);
    clock.advance(1_000);
    expectAnswer('lower tier 1 at 60 s, when the copy is as old as max-age', await answered('lower tier 1 at 60 s', second.fetch('/a')), { cache: 'EXPIRED', body: '/a #2' });
    expectOriginRequests('after 60 s', origin, 2);
  });
});
