// Autograder for the retries lab. Each test is one graded behaviour; points and hints for each are in
// lab.json, keyed by the test's full name. Run: npm run grade retries
//
// The contract is gRPC's retry policy, retry throttling and pushback as gRFC A6 defines them, in the
// words of labs/retries/retries.ts. callWithRetries is tested with a fake environment: `sleep` records
// the seconds and resolves at once, `random` returns numbers the test chooses, and the throttle is a
// fake that counts calls, so these tests do not depend on your RetryThrottle (which has its own).
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectClose, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { backoffCeiling, callWithRetries, RetryThrottle, type RetryEnv, type RetryPolicy } from './retries';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

/** gRFC A6's example policy: up to 4 attempts, waits of up to 0.1, 0.2, 0.4 s, never above 1 s. */
const a6Policy: RetryPolicy = { maxAttempts: 4, initialBackoff: 0.1, maxBackoff: 1, backoffMultiplier: 2, retryableCodes: ['UNAVAILABLE'] };

/** Round numbers for the call tests: ceilings 1, 2, 4, then 5 s for every later retry. */
const policy: RetryPolicy = { maxAttempts: 5, initialBackoff: 1, maxBackoff: 5, backoffMultiplier: 2, retryableCodes: ['UNAVAILABLE', 'RESOURCE_EXHAUSTED'] };

/** A relative tolerance for computed seconds: any honest way of computing them lands well within it. */
const close = (want: number): number => 1e-9 * Math.max(1, Math.abs(want));

// ---------------------------------------------------------------------------------------------
// A scripted call: what each attempt does, and a log of what happened, in order.
// ---------------------------------------------------------------------------------------------

/** A failed attempt's error, as the contract describes it. */
interface Failure {
  code: string;
  pushbackMs?: string;
}

/** What an attempt does: resolve with a value, or reject with a failure. */
type Outcome = { ok: string } | Failure;

const ok = (value: string): Outcome => ({ ok: value });
const failure = (code: string, pushbackMs?: string): Failure => (pushbackMs === undefined ? { code } : { code, pushbackMs });
const unavailable = (): Failure => failure('UNAVAILABLE');

/** A fake throttle that counts what the call does with it and allows retries or not, as told. */
class CountingThrottle {
  successes = 0;
  failures = 0;
  constructor(readonly allow: boolean) {}
  get tokens(): number {
    return this.allow ? 10 : 0;
  }
  get allowsRetry(): boolean {
    return this.allow;
  }
  recordSuccess(): void {
    this.successes++;
  }
  recordFailure(): void {
    this.failures++;
  }
}

interface Run {
  /** "attempt 1", "sleep 0.5", … in the order they happened. */
  log: string[];
  attempts: number[];
  sleeps: number[];
  settled: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  throttle: CountingThrottle | undefined;
}

interface RunOptions {
  /** What random() returns: one number every time, or these numbers in turn. */
  random?: number | number[];
  /** undefined: no throttle; true or false: a throttle that allows retries, or does not. */
  throttleAllows?: boolean;
}

/** Past this many attempts the script stops answering (the promise never settles), so a call that never stops times out instead of hanging the grader. */
const RUNAWAY = 30;

/** Runs callWithRetries on a script of outcomes and records everything it does. */
async function run(outcomes: readonly Outcome[], retryPolicy: RetryPolicy, options: RunOptions = {}): Promise<Run> {
  const log: string[] = [];
  const attempts: number[] = [];
  const sleeps: number[] = [];
  const draws = options.random ?? 0.5;
  let drawn = 0;
  const throttle = options.throttleAllows === undefined ? undefined : new CountingThrottle(options.throttleAllows);
  const env: RetryEnv = {
    sleep: (seconds: number) => {
      sleeps.push(seconds);
      log.push(`sleep ${seconds}`);
      return Promise.resolve();
    },
    random: () => {
      if (typeof draws === 'number') return draws;
      const value = draws[drawn++];
      if (value === undefined) throw new Error(`random() was called more than the ${draws.length} times this test expects`);
      return value;
    },
    ...(throttle ? { throttle: throttle as unknown as RetryThrottle } : {}),
  };
  const attempt = (n: number): Promise<string> => {
    attempts.push(n);
    log.push(`attempt ${n}`);
    if (attempts.length > RUNAWAY) return new Promise<string>(() => {});
    const outcome = outcomes[attempts.length - 1] ?? unavailable();
    return 'ok' in outcome ? Promise.resolve(outcome.ok) : Promise.reject(outcome);
  };
  let settled: Run['settled'];
  try {
    settled = { resolved: true, value: await callWithRetries(attempt, retryPolicy, env) };
  } catch (error) {
    settled = { resolved: false, error };
  }
  return { log, attempts, sleeps, settled, throttle };
}

function describeScript(outcomes: readonly Outcome[]): string {
  return `[${outcomes.map((o) => ('ok' in o ? `ok ${JSON.stringify(o.ok)}` : o.pushbackMs === undefined ? o.code : `${o.code} + pushback ${JSON.stringify(o.pushbackMs)}`)).join(', ')}]`;
}

function expectResolved(what: string, result: Run, value: string): void {
  if (!result.settled.resolved) assert.fail(`${what} should resolve with ${JSON.stringify(value)}, but it rejected with ${describeValue(result.settled.error)}`);
  expectExactly(`${what}: the value it resolves with`, result.settled.value, value);
}

function expectRejectedWith(what: string, result: Run, error: Failure): void {
  if (result.settled.resolved) assert.fail(`${what} should reject with ${describeValue(error)}, but it resolved with ${describeValue(result.settled.value)}`);
  if (result.settled.error !== error) {
    assert.fail(`${what} should reject with the error of attempt that failed last, ${describeValue(error)} (the same object), but it rejected with ${describeValue(result.settled.error)}`);
  }
}

function expectAttempts(what: string, result: Run, count: number): void {
  const want = Array.from({ length: count }, (_, i) => i + 1);
  expectExactly(`${what}: the attempts made, as the numbers passed to attempt()`, describeValue(result.attempts), describeValue(want));
}

function expectSleeps(what: string, result: Run, want: readonly number[]): void {
  if (result.sleeps.length !== want.length || result.sleeps.some((s, i) => !(Math.abs(s - want[i]!) <= close(want[i]!)))) {
    assert.fail(`${what}: the sleeps should be ${describeValue(want)} seconds, but they were ${describeValue(result.sleeps)} (the call did, in order: ${result.log.join(', ')})`);
  }
}

/** Checks that each sleep came between two attempts: attempt, sleep, attempt, sleep, …, attempt. */
function expectSleepsBetweenAttempts(what: string, result: Run): void {
  result.log.forEach((entry, i) => {
    const wantAttempt = i % 2 === 0;
    if (entry.startsWith('attempt') !== wantAttempt) {
      assert.fail(`${what}: each retry should come after exactly one sleep, and each sleep after a failed attempt, but the call did: ${result.log.join(', ')}`);
    }
  });
}

/** Calls `call` and checks that it throws or rejects with a RangeError naming `field`. */
async function expectRangeErrorAsync(what: string, call: () => Promise<unknown>, field: string): Promise<void> {
  let outcome: { threw: false; value: unknown } | { threw: true; error: unknown };
  try {
    outcome = { threw: false, value: await call() };
  } catch (error) {
    outcome = { threw: true, error };
  }
  expectRangeError(what, () => {
    if (outcome.threw) throw outcome.error;
    return outcome.value;
  }, field);
}

// ---------------------------------------------------------------------------------------------

describe('backoffCeiling', () => {
  it('is initialBackoff before the first retry and grows by backoffMultiplier per retry (0.1, 0.2, 0.4, 0.8 s)', () => {
    const want = [0.1, 0.2, 0.4, 0.8];
    want.forEach((ceiling, i) => expectClose(`backoffCeiling(${i + 1}, A6's example policy: 0.1 s, ×2, at most 1 s)`, backoffCeiling(i + 1, a6Policy), ceiling, close(ceiling)));
    const triple: RetryPolicy = { ...a6Policy, initialBackoff: 1.5, backoffMultiplier: 3, maxBackoff: 100 };
    [1.5, 4.5, 13.5, 40.5].forEach((ceiling, i) => expectClose(`backoffCeiling(${i + 1}, 1.5 s, ×3, at most 100 s)`, backoffCeiling(i + 1, triple), ceiling, close(ceiling)));
  });

  it('never exceeds maxBackoff, however many retries (0.8 s, then 1 s from the 5th retry on)', () => {
    for (const n of [5, 6, 10, 40, 2000]) expectClose(`backoffCeiling(${n}, A6's example policy: 0.1 s, ×2, at most 1 s)`, backoffCeiling(n, a6Policy), 1, close(1));
    const high: RetryPolicy = { ...a6Policy, initialBackoff: 3, maxBackoff: 2 };
    expectClose('backoffCeiling(1, initialBackoff 3 s but maxBackoff 2 s), where the cap applies from the first retry,', backoffCeiling(1, high), 2, close(2));
  });

  it('is min(initialBackoff · backoffMultiplier^(n−1), maxBackoff) for any policy and retry number', () => {
    const seconds = fc.double({ min: 0.001, max: 100, noNaN: true });
    fc.assert(
      fc.property(seconds, seconds, fc.double({ min: 0.25, max: 4, noNaN: true }), fc.integer({ min: 1, max: 40 }), (initialBackoff, maxBackoff, backoffMultiplier, n) => {
        const p: RetryPolicy = { maxAttempts: 3, initialBackoff, maxBackoff, backoffMultiplier, retryableCodes: ['UNAVAILABLE'] };
        const want = Math.min(initialBackoff * backoffMultiplier ** (n - 1), maxBackoff);
        const got = backoffCeiling(n, p);
        if (!(Math.abs(got - want) <= close(want))) {
          throw new Error(`backoffCeiling(${n}, { initialBackoff: ${initialBackoff}, maxBackoff: ${maxBackoff}, backoffMultiplier: ${backoffMultiplier} }) should be ${want}, but it was ${got}`);
        }
      }),
      property,
    );
  });

  it('rejects a bad policy with a RangeError naming the field, and accepts maxAttempts above 5', () => {
    const bad: [string, Partial<RetryPolicy>, string][] = [
      ['maxAttempts 1', { maxAttempts: 1 }, 'maxAttempts'],
      ['maxAttempts 0', { maxAttempts: 0 }, 'maxAttempts'],
      ['maxAttempts 2.5', { maxAttempts: 2.5 }, 'maxAttempts'],
      ['maxAttempts NaN', { maxAttempts: Number.NaN }, 'maxAttempts'],
      ['initialBackoff 0', { initialBackoff: 0 }, 'initialBackoff'],
      ['initialBackoff -1', { initialBackoff: -1 }, 'initialBackoff'],
      ['initialBackoff NaN', { initialBackoff: Number.NaN }, 'initialBackoff'],
      ['maxBackoff 0', { maxBackoff: 0 }, 'maxBackoff'],
      ['maxBackoff NaN', { maxBackoff: Number.NaN }, 'maxBackoff'],
      ['backoffMultiplier 0', { backoffMultiplier: 0 }, 'backoffMultiplier'],
      ['backoffMultiplier -2', { backoffMultiplier: -2 }, 'backoffMultiplier'],
      ['backoffMultiplier NaN', { backoffMultiplier: Number.NaN }, 'backoffMultiplier'],
    ];
    for (const [what, change, field] of bad) expectRangeError(`backoffCeiling(1, a policy with ${what})`, () => backoffCeiling(1, { ...a6Policy, ...change }), field);
    for (const maxAttempts of [2, 5, 6, 100]) {
      let got: unknown;
      try {
        got = backoffCeiling(1, { ...a6Policy, maxAttempts });
      } catch (error) {
        assert.fail(`backoffCeiling(1, a policy with maxAttempts ${maxAttempts}) should be accepted (values above 5 are treated as 5, not refused), but it threw ${describeValue(error)}`);
      }
      expectClose(`backoffCeiling(1, a policy with maxAttempts ${maxAttempts})`, got, 0.1, close(0.1));
    }
  });
});

describe('RetryThrottle', () => {
  it('starts with maxTokens tokens and allows retries', () => {
    for (const [maxTokens, tokenRatio] of [[10, 0.1], [3, 0.5], [1000, 1], [1, 0.25]] as const) {
      const throttle = new RetryThrottle({ maxTokens, tokenRatio });
      expectClose(`tokens of a new RetryThrottle({ maxTokens: ${maxTokens}, tokenRatio: ${tokenRatio} })`, throttle.tokens, maxTokens);
      expectExactly(`allowsRetry of a new RetryThrottle({ maxTokens: ${maxTokens}, tokenRatio: ${tokenRatio} })`, throttle.allowsRetry, true);
    }
  });

  it('takes one token for a failure and gives back tokenRatio for a success (10 → 9 → 8 → 8.5 → 9)', () => {
    const throttle = new RetryThrottle({ maxTokens: 10, tokenRatio: 0.5 });
    throttle.recordFailure();
    expectClose('tokens after one failure (maxTokens 10)', throttle.tokens, 9);
    throttle.recordFailure();
    expectClose('tokens after two failures', throttle.tokens, 8);
    throttle.recordSuccess();
    expectClose('tokens after two failures and a success (tokenRatio 0.5)', throttle.tokens, 8.5);
    throttle.recordSuccess();
    expectClose('tokens after two failures and two successes', throttle.tokens, 9);
  });

  it('allows retries only while tokens are strictly above maxTokens / 2', () => {
    const ten = new RetryThrottle({ maxTokens: 10, tokenRatio: 0.5 });
    for (let i = 0; i < 4; i++) ten.recordFailure();
    expectExactly('allowsRetry with 6 of 10 tokens', ten.allowsRetry, true);
    ten.recordFailure();
    expectExactly('allowsRetry with exactly 5 of 10 tokens (the threshold itself)', ten.allowsRetry, false);
    ten.recordSuccess();
    expectExactly('allowsRetry with 5.5 of 10 tokens', ten.allowsRetry, true);
    ten.recordFailure();
    expectExactly('allowsRetry with 4.5 of 10 tokens', ten.allowsRetry, false);

    const seven = new RetryThrottle({ maxTokens: 7, tokenRatio: 1 });
    for (let i = 0; i < 3; i++) seven.recordFailure();
    expectExactly('allowsRetry with 4 of 7 tokens (threshold 3.5)', seven.allowsRetry, true);
    seven.recordFailure();
    expectExactly('allowsRetry with 3 of 7 tokens (threshold 3.5)', seven.allowsRetry, false);

    const one = new RetryThrottle({ maxTokens: 1, tokenRatio: 0.5 });
    one.recordFailure();
    one.recordSuccess();
    expectExactly('allowsRetry with 0.5 of 1 token (exactly the threshold)', one.allowsRetry, false);
    one.recordSuccess();
    expectExactly('allowsRetry with 1 of 1 token', one.allowsRetry, true);
  });

  it('never goes below 0 tokens, so successes count from 0 after a long run of failures', () => {
    const throttle = new RetryThrottle({ maxTokens: 3, tokenRatio: 0.25 });
    for (let i = 0; i < 5; i++) throttle.recordFailure();
    expectClose('tokens after 5 failures with maxTokens 3', throttle.tokens, 0);
    throttle.recordSuccess();
    expectClose('tokens after 5 failures and one success (tokenRatio 0.25)', throttle.tokens, 0.25);
    for (let i = 0; i < 6; i++) throttle.recordSuccess();
    expectClose('tokens after 5 failures and 7 successes', throttle.tokens, 1.75);
    expectExactly('allowsRetry with 1.75 of 3 tokens (threshold 1.5)', throttle.allowsRetry, true);
  });

  it('never goes above maxTokens, so failures count from maxTokens after a long run of successes', () => {
    const throttle = new RetryThrottle({ maxTokens: 10, tokenRatio: 1 });
    for (let i = 0; i < 3; i++) throttle.recordSuccess();
    expectClose('tokens after 3 successes on a full bucket of 10', throttle.tokens, 10);
    for (let i = 0; i < 5; i++) throttle.recordFailure();
    expectClose('tokens after 3 successes and then 5 failures', throttle.tokens, 5);
    expectExactly('allowsRetry after 3 successes and then 5 failures (5 of 10 tokens)', throttle.allowsRetry, false);
  });

  it('for any sequence of successes and failures, keeps the count clamped to [0, maxTokens] and allows retries exactly above half', () => {
    const options = fc.record({
      maxTokens: fc.constantFrom(1, 2, 3, 7, 10, 100, 1000),
      tokenRatio: fc.constantFrom(0.125, 0.25, 0.5, 1),
    });
    fc.assert(
      fc.property(options, fc.array(fc.boolean(), { maxLength: 80 }), ({ maxTokens, tokenRatio }, events) => {
        const throttle = new RetryThrottle({ maxTokens, tokenRatio });
        let want: number = maxTokens;
        events.forEach((success, i) => {
          if (success) throttle.recordSuccess();
          else throttle.recordFailure();
          want = success ? Math.min(maxTokens, want + tokenRatio) : Math.max(0, want - 1);
          const where = `With maxTokens ${maxTokens} and tokenRatio ${tokenRatio}, after ${events
            .slice(0, i + 1)
            .map((s) => (s ? 'S' : 'F'))
            .join('')} (S success, F failure)`;
          const tokens = throttle.tokens;
          if (!(Math.abs(tokens - want) <= 1e-9)) throw new Error(`${where}, tokens should be ${want}, but they were ${tokens}`);
          if (throttle.allowsRetry !== want > maxTokens / 2) throw new Error(`${where}, with ${want} tokens, allowsRetry should be ${want > maxTokens / 2}, but it was ${throttle.allowsRetry}`);
        });
      }),
      property,
    );
  });

  it('rejects maxTokens outside (0, 1000] and tokenRatio outside (0, 1] with a RangeError naming the field', () => {
    for (const maxTokens of [0, -1, 1000.5, 1001, Number.NaN]) {
      expectRangeError(`new RetryThrottle({ maxTokens: ${maxTokens}, tokenRatio: 0.1 })`, () => new RetryThrottle({ maxTokens, tokenRatio: 0.1 }), 'maxTokens');
    }
    for (const tokenRatio of [0, -0.1, 1.5, Number.NaN]) {
      expectRangeError(`new RetryThrottle({ maxTokens: 10, tokenRatio: ${tokenRatio} })`, () => new RetryThrottle({ maxTokens: 10, tokenRatio }), 'tokenRatio');
    }
    try {
      new RetryThrottle({ maxTokens: 1000, tokenRatio: 1 });
    } catch (error) {
      assert.fail(`new RetryThrottle({ maxTokens: 1000, tokenRatio: 1 }) is valid (both bounds are included), but it threw ${describeValue(error)}`);
    }
  });
});

describe('callWithRetries', () => {
  it('resolves with the first attempt’s value after one call of attempt(1), without sleeping', async () => {
    const result = await run([ok('first')], policy);
    expectResolved('A call whose first attempt succeeds', result, 'first');
    expectAttempts('A call whose first attempt succeeds', result, 1);
    expectSleeps('A call whose first attempt succeeds', result, []);
  });

  it('retries a retryable failure and resolves with the value of the attempt that succeeds', async () => {
    const script = [unavailable(), failure('RESOURCE_EXHAUSTED'), ok('third time')];
    const result = await run(script, policy);
    const what = `A call scripted ${describeScript(script)}, with both codes retryable,`;
    expectResolved(what, result, 'third time');
    expectAttempts(what, result, 3);
    expectSleepsBetweenAttempts(what, result);
  });

  it('rejects with the last attempt’s error after maxAttempts failed attempts (the first attempt included)', async () => {
    for (const maxAttempts of [2, 3, 5]) {
      const script = Array.from({ length: 8 }, unavailable);
      const result = await run(script, { ...policy, maxAttempts });
      const what = `A call with maxAttempts ${maxAttempts} whose attempts all fail with UNAVAILABLE`;
      expectAttempts(what, result, maxAttempts);
      expectRejectedWith(what, result, script[maxAttempts - 1]!);
    }
  });

  it('treats maxAttempts above 5 as 5', async () => {
    for (const maxAttempts of [6, 10]) {
      const script = Array.from({ length: 12 }, unavailable);
      const result = await run(script, { ...policy, maxAttempts });
      const what = `A call with maxAttempts ${maxAttempts} whose attempts all fail with UNAVAILABLE`;
      expectAttempts(what, result, 5);
      expectRejectedWith(what, result, script[4]!);
    }
  });

  it('does not retry a failure whose code is not retryable, and rejects with its error', async () => {
    const invalid = failure('INVALID_ARGUMENT');
    const first = await run([invalid, ok('never')], policy);
    expectAttempts('A call whose first attempt fails with INVALID_ARGUMENT (not retryable)', first, 1);
    expectRejectedWith('A call whose first attempt fails with INVALID_ARGUMENT', first, invalid);
    const internal = failure('INTERNAL');
    const later = await run([unavailable(), internal, ok('never')], policy);
    expectAttempts('A call scripted [UNAVAILABLE, INTERNAL, ok] (INTERNAL is not retryable)', later, 2);
    expectRejectedWith('A call scripted [UNAVAILABLE, INTERNAL, ok]', later, internal);
  });

  it('sleeps random() · backoffCeiling(n) before the n-th retry (ceilings 1, 2, 4, 5 s)', async () => {
    for (const r of [0.5, 0.25]) {
      const result = await run(Array.from({ length: 5 }, unavailable), policy, { random: r });
      const what = `A call whose 5 attempts all fail, with random() always ${r} and ceilings 1, 2, 4, 5 s (1 s, ×2, at most 5 s)`;
      expectSleeps(what, result, [r * 1, r * 2, r * 4, r * 5]);
      expectSleepsBetweenAttempts(what, result);
    }
  });

  it('draws a fresh random number for each wait', async () => {
    const draws = [0.9, 0.1, 0.6, 0.3];
    const result = await run(Array.from({ length: 5 }, unavailable), policy, { random: draws });
    expectSleeps('A call whose 5 attempts all fail, with random() returning 0.9, 0.1, 0.6, 0.3 in turn and ceilings 1, 2, 4, 5 s', result, [0.9, 0.2, 2.4, 1.5]);
  });

  it('waits for each sleep to end before it makes the next attempt', async () => {
    const attempts: number[] = [];
    let wake: (() => void) | undefined;
    const env: RetryEnv = {
      sleep: () => new Promise<void>((resolve) => (wake = resolve)),
      random: () => 0.5,
    };
    const call = callWithRetries(
      (n) => {
        attempts.push(n);
        return n === 1 ? Promise.reject(unavailable()) : Promise.resolve('done');
      },
      policy,
      env,
    );
    call.catch(() => {});
    // A zero-delay timer runs only once every pending promise callback has run.
    const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    await settle();
    expectExactly('Attempts made while the sleep after attempt 1 has not ended', describeValue(attempts), describeValue([1]));
    if (!wake) assert.fail('After attempt 1 failed with UNAVAILABLE, the call should have called env.sleep, but it did not');
    wake();
    await settle();
    expectExactly('Attempts made once the sleep has ended', describeValue(attempts), describeValue([1, 2]));
    expectExactly('What the call resolves with', await call, 'done');
  });

  it('sleeps for the pushback’s milliseconds, in seconds, when the server sends one', async () => {
    for (const [raw, seconds] of [['250', 0.25], ['0', 0], ['1500', 1.5], ['2147483647', 2147483.647]] as const) {
      const script = [failure('UNAVAILABLE', raw), ok('after pushback')];
      const result = await run(script, policy, { random: 0.5 });
      const what = `A call scripted ${describeScript(script)}`;
      expectResolved(what, result, 'after pushback');
      expectSleeps(what, result, [seconds]);
    }
  });

  it('restarts the backoff at n = 1 after a pushback', async () => {
    const script = [unavailable(), failure('UNAVAILABLE', '100'), unavailable(), unavailable(), ok('done')];
    const result = await run(script, policy, { random: 0.5 });
    const what = `A call scripted ${describeScript(script)}, with random() always 0.5 and ceilings 1, 2, 4, 5 s`;
    expectResolved(what, result, 'done');
    expectSleeps(what, result, [0.5, 0.1, 0.5, 1]);
  });

  it('does not retry when the pushback is negative or not a non-negative 32-bit integer without leading zeros', async () => {
    for (const raw of ['-1', '-250', 'abc', '', '1.5', '010', '00', ' 5', '5 ', '+5', '1e3', '0x10', '99999999999']) {
      const stop = failure('UNAVAILABLE', raw);
      const result = await run([stop, ok('never')], policy);
      const what = `A call whose first attempt fails with UNAVAILABLE and pushback ${JSON.stringify(raw)}, which tells the client not to retry,`;
      expectAttempts(what, result, 1);
      expectRejectedWith(what, result, stop);
      expectSleeps(what, result, []);
    }
  });

  it('does not retry, even with a pushback delay, when the code is not retryable or the attempts are used up', async () => {
    const invalid = failure('INVALID_ARGUMENT', '100');
    const notRetryable = await run([invalid, ok('never')], policy);
    expectAttempts('A call whose first attempt fails with INVALID_ARGUMENT (not retryable) and pushback "100"', notRetryable, 1);
    expectRejectedWith('A call whose first attempt fails with INVALID_ARGUMENT and pushback "100"', notRetryable, invalid);
    const last = failure('UNAVAILABLE', '100');
    const usedUp = await run([unavailable(), last, ok('never')], { ...policy, maxAttempts: 2 });
    expectAttempts('A call with maxAttempts 2 scripted [UNAVAILABLE, UNAVAILABLE + pushback "100", ok]', usedUp, 2);
    expectRejectedWith('A call with maxAttempts 2 scripted [UNAVAILABLE, UNAVAILABLE + pushback "100", ok]', usedUp, last);
  });

  it('tells the throttle about a success exactly once', async () => {
    const first = await run([ok('x')], policy, { throttleAllows: true });
    expectExactly('recordSuccess() calls for a call whose first attempt succeeds', first.throttle!.successes, 1);
    const third = await run([unavailable(), unavailable(), ok('x')], policy, { throttleAllows: true });
    expectExactly('recordSuccess() calls for a call that succeeds on its third attempt', third.throttle!.successes, 1);
    expectExactly('recordFailure() calls for a call that succeeds on its third attempt after two UNAVAILABLE', third.throttle!.failures, 2);
  });

  it('counts retryable failures and pushbacks that say stop against the throttle, and no other failure', async () => {
    const cases: [string, Outcome[], number][] = [
      ['three UNAVAILABLE with maxAttempts 3', [unavailable(), unavailable(), unavailable()], 3],
      ['INVALID_ARGUMENT (not retryable)', [failure('INVALID_ARGUMENT')], 0],
      ['INVALID_ARGUMENT with pushback "100" (a delay)', [failure('INVALID_ARGUMENT', '100')], 0],
      ['INVALID_ARGUMENT with pushback "-1" (stop)', [failure('INVALID_ARGUMENT', '-1')], 1],
      ['UNAVAILABLE with pushback "-1" (stop)', [failure('UNAVAILABLE', '-1')], 1],
      ['UNAVAILABLE with pushback "nope" (stop)', [failure('UNAVAILABLE', 'nope')], 1],
      ['UNAVAILABLE, then INTERNAL (not retryable)', [unavailable(), failure('INTERNAL')], 1],
    ];
    for (const [what, script, failures] of cases) {
      const result = await run(script, { ...policy, maxAttempts: 3 }, { throttleAllows: true });
      expectExactly(`recordFailure() calls for a call that fails with ${what}`, result.throttle!.failures, failures);
      expectExactly(`recordSuccess() calls for a call that fails with ${what}`, result.throttle!.successes, 0);
    }
  });

  it('does not retry when the throttle does not allow it, even with a pushback delay', async () => {
    for (const first of [unavailable(), failure('UNAVAILABLE', '100')]) {
      const result = await run([first, ok('never')], policy, { throttleAllows: false });
      const what = `A call whose first attempt fails with ${describeScript([first])}, while the throttle's allowsRetry is false,`;
      expectAttempts(what, result, 1);
      expectRejectedWith(what, result, first as Failure);
      expectSleeps(what, result, []);
    }
  });

  it('makes the first attempt even when the throttle does not allow retries', async () => {
    const result = await run([ok('sent anyway')], policy, { throttleAllows: false });
    expectResolved("A call while the throttle's allowsRetry is false", result, 'sent anyway');
    expectAttempts("A call while the throttle's allowsRetry is false", result, 1);
    expectExactly("recordSuccess() calls for that call", result.throttle!.successes, 1);
  });

  it('follows the contract for any script of outcomes, policy, random number and throttle', async () => {
    const codes = ['UNAVAILABLE', 'RESOURCE_EXHAUSTED', 'INTERNAL', 'INVALID_ARGUMENT'];
    const pushbacks = [undefined, undefined, undefined, '0', '20', '350', '-5', 'x', '007'];
    const outcome = fc.oneof(
      { weight: 1, arbitrary: fc.constant<Outcome>(ok('done')) },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...pushbacks)).map(([code, raw]) => failure(code, raw)) },
    );
    const retryPolicy = fc.record({
      maxAttempts: fc.integer({ min: 2, max: 8 }),
      initialBackoff: fc.constantFrom(0.05, 0.1, 1),
      maxBackoff: fc.constantFrom(0.3, 2, 60),
      backoffMultiplier: fc.constantFrom(1, 1.5, 2, 3),
      retryableCodes: fc.subarray(codes, { minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(outcome, { minLength: 8, maxLength: 8 }),
        retryPolicy,
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.constantFrom<boolean | undefined>(undefined, true, false),
        async (script, p, r, throttleAllows) => {
          const want = expectedRun(script, p, r, throttleAllows);
          const got = await run(script, p, { random: r, ...(throttleAllows === undefined ? {} : { throttleAllows }) });
          const what = `With maxAttempts ${p.maxAttempts}, backoff ${p.initialBackoff} s ×${p.backoffMultiplier} up to ${p.maxBackoff} s, retryable ${describeValue(p.retryableCodes)}, random() always ${r}, ${throttleAllows === undefined ? 'no throttle' : `a throttle whose allowsRetry is ${throttleAllows}`}, and attempts scripted ${describeScript(script)}:`;
          const gotSteps = got.log.map((step) => step.replace(/^sleep (.*)$/, 'sleep'));
          if (describeValue(gotSteps) !== describeValue(want.steps)) throw new Error(`${what} the call should do ${want.steps.join(', ')}, but it did ${got.log.join(', ')}`);
          want.sleeps.forEach((s, i) => {
            if (!(Math.abs(got.sleeps[i]! - s) <= close(s))) throw new Error(`${what} sleep ${i + 1} should be ${s} s, but it was ${got.sleeps[i]} s`);
          });
          const settledRight = want.resolved ? got.settled.resolved : !got.settled.resolved && got.settled.error === want.error;
          if (!settledRight) throw new Error(`${what} the call should ${want.resolved ? 'resolve' : `reject with ${describeValue(want.error)}`}, but it ${got.settled.resolved ? 'resolved' : `rejected with ${describeValue(got.settled.error)}`}`);
          if (got.throttle && (got.throttle.failures !== want.failures || got.throttle.successes !== want.successes)) {
            throw new Error(`${what} the throttle should see ${want.failures} recordFailure() and ${want.successes} recordSuccess() calls, but it saw ${got.throttle.failures} and ${got.throttle.successes}`);
          }
        },
      ),
      { ...property, numRuns: 200 },
    );
  });

  it('rejects a bad policy with a RangeError naming the field', async () => {
    const env: RetryEnv = { sleep: () => Promise.resolve(), random: () => 0.5 };
    const attempt = () => Promise.resolve('unused');
    const bad: [string, Partial<RetryPolicy>, string][] = [
      ['maxAttempts 1', { maxAttempts: 1 }, 'maxAttempts'],
      ['maxAttempts 3.5', { maxAttempts: 3.5 }, 'maxAttempts'],
      ['initialBackoff 0', { initialBackoff: 0 }, 'initialBackoff'],
      ['maxBackoff -1', { maxBackoff: -1 }, 'maxBackoff'],
      ['backoffMultiplier NaN', { backoffMultiplier: Number.NaN }, 'backoffMultiplier'],
    ];
    for (const [what, change, field] of bad) {
      await expectRangeErrorAsync(`callWithRetries(attempt, a policy with ${what}, env)`, () => callWithRetries(attempt, { ...policy, ...change }, env), field);
    }
  });
});

/** What the contract says a call does with a script: its steps, sleeps, result and throttle calls. */
function expectedRun(script: readonly Outcome[], p: RetryPolicy, r: number, throttleAllows: boolean | undefined) {
  const attempts = Math.min(p.maxAttempts, 5);
  const steps: string[] = [];
  const sleeps: number[] = [];
  let failures = 0;
  let successes = 0;
  let sinceReset = 0;
  for (let n = 1; ; n++) {
    steps.push(`attempt ${n}`);
    const outcome = script[n - 1]!;
    if ('ok' in outcome) {
      successes++;
      return { steps, sleeps, resolved: true as const, error: undefined, failures, successes };
    }
    const retryable = p.retryableCodes.includes(outcome.code);
    const raw = outcome.pushbackMs;
    const delay = raw !== undefined && /^(0|[1-9][0-9]*)$/.test(raw) ? Number(raw) / 1000 : undefined;
    const stop = raw !== undefined && delay === undefined;
    if (retryable || stop) failures++;
    if (!retryable || stop || n >= attempts || throttleAllows === false) {
      return { steps, sleeps, resolved: false as const, error: outcome, failures, successes };
    }
    if (delay !== undefined) {
      sleeps.push(delay);
      sinceReset = 0;
    } else {
      sinceReset++;
      sleeps.push(r * Math.min(p.initialBackoff * p.backoffMultiplier ** (sinceReset - 1), p.maxBackoff));
    }
    steps.push('sleep');
  }
}
