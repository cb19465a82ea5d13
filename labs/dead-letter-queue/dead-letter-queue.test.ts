// Autograder for the dead-letter-queue lab. Each test is one graded behaviour; points and hints for
// each are in lab.json, keyed by the test's full name. Run: npm run grade dead-letter-queue
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { isDeepStrictEqual } from '../../src/labkit/deep-equal';
import { RetryQueue, type DrainReport } from './dead-letter-queue';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 200 } as const;

/** Checks that `got` deep-equals `want`, with a message in words. */
function expectEqual(what: string, got: unknown, want: unknown): void {
  if (!isDeepStrictEqual(got, want)) assert.fail(`${what} should be ${describeValue(want)}, but it was ${describeValue(got)}`);
}

/** How a scripted delivery ends: `undefined` succeeds; otherwise it fails by throwing or by rejecting with `value`. */
type Outcome = undefined | { throws: unknown } | { rejects: unknown };

/**
 * Drains `queue` with a handler that follows `script`, and records every delivery as "id#attempt".
 * A throw happens synchronously inside the handler; a rejection is a returned promise that rejects.
 */
async function drainWith<T>(
  queue: RetryQueue<T>,
  script: (id: string, attempt: number) => Outcome = () => undefined,
): Promise<{ report: DrainReport<T>; deliveries: string[] }> {
  const deliveries: string[] = [];
  const report = await queue.drain((_body, attempt, id) => {
    deliveries.push(`${id}#${attempt}`);
    const outcome = script(id, attempt);
    if (outcome && 'throws' in outcome) throw outcome.throws;
    if (outcome && 'rejects' in outcome) return Promise.reject(outcome.rejects);
    return undefined;
  });
  return { report, deliveries };
}

/** A queue with `ids` published in order, each with the body `body of <id>`. */
function queueWith(maxAttempts: number, ids: string[]): RetryQueue<string> {
  const queue = new RetryQueue<string>({ maxAttempts });
  for (const id of ids) queue.publish(id, `body of ${id}`);
  return queue;
}

const alwaysFails = (bad: string[]) => (id: string): Outcome => (bad.includes(id) ? { throws: new Error(`cannot process ${id}`) } : undefined);

describe('new RetryQueue', () => {
  it('rejects a maxAttempts that is not an integer >= 1 with a RangeError naming maxAttempts', () => {
    for (const maxAttempts of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectRangeError(`new RetryQueue({ maxAttempts: ${maxAttempts} })`, () => new RetryQueue({ maxAttempts }), 'maxAttempts');
    }
  });
});

describe('publish', () => {
  it('counts published messages in depth, and a drain empties the main queue', async () => {
    const queue = new RetryQueue<string>({ maxAttempts: 3 });
    expectExactly('depth of a new queue', queue.depth, 0);
    const empty = await drainWith(queue);
    expectEqual('the report of a drain of an empty queue', empty.report, { acked: [], deadLettered: [] });
    expectEqual('deliveries made by a drain of an empty queue', empty.deliveries, []);
    for (const id of ['a', 'b', 'c']) queue.publish(id, `body of ${id}`);
    expectExactly('depth after publishing 3 messages', queue.depth, 3);
    await drainWith(queue);
    expectExactly('depth after a drain in which every delivery succeeded', queue.depth, 0);
  });

  it('rejects an id that is waiting, being delivered or dead-lettered, with a RangeError naming the id', async () => {
    const queue = queueWith(1, ['order-7', 'order-9']);
    expectRangeError('publish("order-7") while order-7 is waiting', () => queue.publish('order-7', 'again'), 'order-7');
    expectExactly('depth after the rejected publish (it must not add anything)', queue.depth, 2);
    let duringDelivery: (() => void) | undefined;
    await queue.drain((_body, _attempt, id) => {
      // Only once: if publish wrongly accepts the id, the copy must not publish yet another copy.
      if (id === 'order-7' && !duringDelivery) {
        duringDelivery = () => undefined;
        try {
          queue.publish('order-7', 'again');
        } catch (error) {
          duringDelivery = () => {
            throw error;
          };
        }
      }
      if (id === 'order-9') throw new Error('poison');
    });
    expectRangeError('publish("order-7") while order-7 is being delivered (from inside the handler)', duringDelivery ?? (() => undefined), 'order-7');
    expectRangeError('publish("order-9") while order-9 is in the dead-letter queue', () => queue.publish('order-9', 'again'), 'order-9');
  });

  it('accepts an id again once its message was acked, as a new message (attempt 1)', async () => {
    const queue = queueWith(3, ['a']);
    await drainWith(queue, (_id, attempt) => (attempt === 1 ? { throws: new Error('transient') } : undefined));
    queue.publish('a', 'a second order with the same id');
    expectExactly('depth after publishing the acked id "a" again', queue.depth, 1);
    const { deliveries } = await drainWith(queue);
    expectEqual('deliveries of the re-published "a"', deliveries, ['a#1']);
  });
});

describe('drain', () => {
  it('delivers every message once, in publish order, with attempt 1, its body and its id', async () => {
    const bodies = [{ sku: 'notebook' }, { sku: 'lamp' }, { sku: 'mug' }];
    const queue = new RetryQueue<{ sku: string }>({ maxAttempts: 3 });
    bodies.forEach((body, i) => queue.publish(`order-${i + 1}`, body));
    const seen: string[] = [];
    const report = await queue.drain((body, attempt, id) => {
      const i = Number(id.slice('order-'.length)) - 1;
      seen.push(`${id}#${attempt}${body === bodies[i] ? '' : ` with the wrong body ${describeValue(body)}`}`);
    });
    expectEqual('deliveries as "id#attempt"', seen, ['order-1#1', 'order-2#1', 'order-3#1']);
    expectEqual('the report', report, { acked: ['order-1', 'order-2', 'order-3'], deadLettered: [] });
  });

  it('sends a failed message to the back of the queue, so the messages behind it go first', async () => {
    const queue = queueWith(3, ['a', 'b', 'c']);
    const { deliveries, report } = await drainWith(queue, (id, attempt) => (id === 'a' && attempt === 1 ? { throws: new Error('timeout') } : undefined));
    expectEqual('deliveries as "id#attempt" (a retry that goes back to the head would give a#1, a#2, b#1, c#1)', deliveries, ['a#1', 'b#1', 'c#1', 'a#2']);
    expectEqual('acked', report.acked, ['b', 'c', 'a']);
  });

  it('waits for each delivery to settle before starting the next', async () => {
    const queue = queueWith(2, ['a', 'b', 'c', 'd']);
    let running = 0;
    let most = 0;
    await queue.drain(async (_body, attempt, id) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      running--;
      if (id === 'b' && attempt === 1) throw new Error('slow failure');
    });
    expectExactly('the most deliveries in progress at once', most, 1);
  });

  it('counts a returned promise that rejects as a failure, just like a throw', async () => {
    const queue = queueWith(2, ['a', 'b', 'c']);
    const report = await queue.drain(async (_body, _attempt, id) => {
      if (id === 'a') throw new Error('async handler threw');
      if (id === 'b') return Promise.reject(new Error('promise rejected'));
    });
    expectEqual('acked (a and b failed twice each, by rejecting)', report.acked, ['c']);
    expectEqual(
      'the dead-lettered messages',
      report.deadLettered.map((d) => `${d.id}: ${d.error}`),
      ['a: async handler threw', 'b: promise rejected'],
    );
  });

  it('counts a thrown or rejected value that is not an Error — a string, a number, undefined — as a failure', async () => {
    const failures: Record<string, Outcome> = {
      's': { throws: 'a string' },
      'n': { rejects: 404 },
      'u': { throws: undefined },
      'o': { rejects: { code: 'E_DECLINED' } },
    };
    const queue = queueWith(2, Object.keys(failures));
    const { report, deliveries } = await drainWith(queue, (id) => failures[id]);
    expectEqual('acked (every delivery failed)', report.acked, []);
    expectEqual('deliveries as "id#attempt"', deliveries, ['s#1', 'n#1', 'u#1', 'o#1', 's#2', 'n#2', 'u#2', 'o#2']);
    expectEqual('ids dead-lettered', report.deadLettered.map((d) => d.id), ['s', 'n', 'u', 'o']);
  });

  it("lists this drain's acks in the order they happened, which need not be publish order", async () => {
    const queue = queueWith(3, ['a', 'b', 'c', 'd']);
    const { report } = await drainWith(queue, (id, attempt) => ((id === 'a' || id === 'c') && attempt === 1 ? { rejects: new Error('busy') } : undefined));
    expectEqual('acked (deliveries were a#1 ✗, b#1 ✓, c#1 ✗, d#1 ✓, a#2 ✓, c#2 ✓)', report.acked, ['b', 'd', 'a', 'c']);
  });

  it('reports only what this drain did, not earlier drains', async () => {
    const queue = queueWith(1, ['a', 'x']);
    await drainWith(queue, alwaysFails(['x']));
    queue.publish('b', 'body of b');
    const { report } = await drainWith(queue);
    expectEqual('the second drain\'s report', report, { acked: ['b'], deadLettered: [] });
  });

  it('delivers messages published during the drain in that same drain, after those already waiting', async () => {
    const queue = queueWith(3, ['a', 'b']);
    const { deliveries, report } = await drainWith(queue, (id) => {
      if (id === 'a') queue.publish('a-receipt', 'send a receipt for a');
      return undefined;
    });
    expectEqual('deliveries as "id#attempt"', deliveries, ['a#1', 'b#1', 'a-receipt#1']);
    expectEqual('acked', report.acked, ['a', 'b', 'a-receipt']);
    expectExactly('depth after the drain', queue.depth, 0);
  });

  it('rejects a second drain while one is running, and the first still finishes', async () => {
    const queue = queueWith(3, ['a', 'b']);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const first = queue.drain(() => gate);
    let second: Promise<unknown>;
    try {
      second = queue.drain(() => undefined);
    } catch (error) {
      assert.fail(`a second drain() should return a promise that rejects, but the call threw ${describeValue(error)}`);
    }
    const outcome = await second.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    open();
    if (!('error' in outcome)) assert.fail(`the second drain() should reject while the first is running, but it resolved with ${describeValue(outcome.value)}`);
    if (!(outcome.error instanceof Error) || outcome.error.message === '') {
      assert.fail(`the second drain() should reject with an Error that says why, but it rejected with ${describeValue(outcome.error)}`);
    }
    expectEqual('the first drain\'s report', await first, { acked: ['a', 'b'], deadLettered: [] });
  });
});

describe('dead-lettering', () => {
  it('dead-letters a message after exactly maxAttempts failed deliveries — not one fewer, not one more', async () => {
    for (const maxAttempts of [1, 2, 3, 5]) {
      const queue = queueWith(maxAttempts, ['poison', 'fine']);
      const { deliveries, report } = await drainWith(queue, alwaysFails(['poison']));
      const want = ['poison#1', 'fine#1', ...Array.from({ length: maxAttempts - 1 }, (_, i) => `poison#${i + 2}`)];
      expectEqual(`with maxAttempts ${maxAttempts}, deliveries as "id#attempt"`, deliveries, want);
      expectEqual(
        `with maxAttempts ${maxAttempts}, the dead letters`,
        queue.deadLetters().map((d) => ({ id: d.id, attempts: d.attempts })),
        [{ id: 'poison', attempts: maxAttempts }],
      );
      expectEqual(`with maxAttempts ${maxAttempts}, acked`, report.acked, ['fine']);
    }
  });

  it('acks a message that fails fewer than maxAttempts times and then succeeds', async () => {
    const queue = queueWith(3, ['flaky']);
    const { deliveries, report } = await drainWith(queue, (_id, attempt) => (attempt < 3 ? { throws: new Error(`timeout on attempt ${attempt}`) } : undefined));
    expectEqual('deliveries as "id#attempt"', deliveries, ['flaky#1', 'flaky#2', 'flaky#3']);
    expectEqual('the report', report, { acked: ['flaky'], deadLettered: [] });
    expectEqual('the dead letters', queue.deadLetters(), []);
  });

  it("keeps the last failure's message as the error, without the Error's name", async () => {
    const queue = queueWith(3, ['a']);
    const { report } = await drainWith(queue, (_id, attempt) => ({ throws: new TypeError(`timeout #${attempt}`) }));
    expectEqual('the dead letter', report.deadLettered, [{ id: 'a', body: 'body of a', attempts: 3, error: 'timeout #3' }]);
  });

  it('keeps String(value) as the error when the failure is not an Error', async () => {
    const values: Record<string, unknown> = {
      'a-string': 'card declined',
      'a-number': 503,
      'undefined': undefined,
      'null': null,
      'an-object-with-toString': { status: 503, toString: () => 'HTTP 503 from payments' },
    };
    const queue = queueWith(2, Object.keys(values));
    await drainWith(queue, (id, attempt) => (attempt === 1 ? { throws: values[id] } : { rejects: values[id] }));
    expectEqual(
      'the errors of the dead letters, as id: error',
      queue.deadLetters().map((d) => `${d.id}: ${describeValue(d.error)}`),
      Object.entries(values).map(([id, value]) => `${id}: ${JSON.stringify(String(value))}`),
    );
  });

  it('lists dead letters oldest first across drains, with their id, body, attempts and error', async () => {
    const queue = queueWith(2, ['x', 'ok', 'y']);
    const first = await drainWith(queue, alwaysFails(['x', 'y']));
    queue.publish('z', 'body of z');
    await drainWith(queue, alwaysFails(['z']));
    const letter = (id: string) => ({ id, body: `body of ${id}`, attempts: 2, error: `cannot process ${id}` });
    expectEqual("the first drain's report", first.report, { acked: ['ok'], deadLettered: [letter('x'), letter('y')] });
    expectEqual('deadLetters() after both drains', queue.deadLetters(), [letter('x'), letter('y'), letter('z')]);
  });

  it('returns a new array from deadLetters(): changing it does not change the queue', async () => {
    const queue = queueWith(1, ['x']);
    await drainWith(queue, alwaysFails(['x']));
    const copy = queue.deadLetters();
    copy.pop();
    copy.push({ id: 'intruder', body: 'not a dead letter', attempts: 1, error: 'none' });
    expectEqual('ids in deadLetters() after changing an earlier result', queue.deadLetters().map((d) => d.id), ['x']);
  });
});

describe('replay', () => {
  it('moves every dead letter back with its attempt count reset, so it gets maxAttempts fresh deliveries', async () => {
    const queue = queueWith(2, ['x']);
    await drainWith(queue, alwaysFails(['x']));
    expectExactly('replay() with one dead letter', queue.replay(), 1);
    expectExactly('depth after the replay', queue.depth, 1);
    expectEqual('deadLetters() after the replay', queue.deadLetters(), []);
    const again = await drainWith(queue, alwaysFails(['x']));
    expectEqual('deliveries after the replay, as "id#attempt" (the count starts again at 1)', again.deliveries, ['x#1', 'x#2']);
    expectEqual('attempts of the dead letter after failing again', queue.deadLetters().map((d) => d.attempts), [2]);
    queue.replay();
    const fixed = await drainWith(queue);
    expectEqual('the report once the consumer is fixed', fixed.report, { acked: ['x'], deadLettered: [] });
  });

  it('puts replayed messages at the back of the main queue, oldest dead letter first', async () => {
    const queue = queueWith(1, ['x', 'y', 'z']);
    await drainWith(queue, alwaysFails(['x', 'y', 'z']));
    queue.publish('w', 'body of w');
    expectExactly('replay() with three dead letters', queue.replay(), 3);
    const { deliveries } = await drainWith(queue);
    expectEqual('deliveries after the replay, as "id#attempt"', deliveries, ['w#1', 'x#1', 'y#1', 'z#1']);
  });

  it('replays only the listed ids, in dead-letter order whatever order the list is in', async () => {
    const queue = queueWith(1, ['x', 'y', 'z']);
    await drainWith(queue, alwaysFails(['x', 'y', 'z']));
    expectExactly('replay(["z", "x"])', queue.replay(['z', 'x']), 2);
    expectEqual('ids still in deadLetters()', queue.deadLetters().map((d) => d.id), ['y']);
    const { deliveries } = await drainWith(queue);
    expectEqual('deliveries after the replay, as "id#attempt"', deliveries, ['x#1', 'z#1']);
  });

  it('ignores ids that are not dead letters, and moves nothing for an empty list', async () => {
    const queue = queueWith(1, ['x', 'y', 'acked']);
    await drainWith(queue, alwaysFails(['x', 'y']));
    expectExactly('replay([])', queue.replay([]), 0);
    expectEqual('ids in deadLetters() after replay([])', queue.deadLetters().map((d) => d.id), ['x', 'y']);
    expectExactly('replay(["nobody", "acked", "x", "x"])', queue.replay(['nobody', 'acked', 'x', 'x']), 1);
    expectExactly('replay(["x"]) again, now that x is waiting in the main queue', queue.replay(['x']), 0);
    expectExactly('depth', queue.depth, 1);
    expectEqual('ids in deadLetters()', queue.deadLetters().map((d) => d.id), ['y']);
  });
});

describe('every message ends in exactly one place', () => {
  it('acked, dead-lettered or waiting — never lost, never in two places — over random failures and replays', async () => {
    /** How a message fails, while it fails: readable names, so that a counterexample reads well. */
    const failures = {
      'throws an Error': (attempt: number): Outcome => ({ throws: new Error(`failed attempt ${attempt}`) }),
      'rejects with an Error': (attempt: number): Outcome => ({ rejects: new Error(`rejected attempt ${attempt}`) }),
      'throws a string': (): Outcome => ({ throws: 'a string' }),
      'rejects with undefined': (): Outcome => ({ rejects: undefined }),
    };
    const scenario = fc.record({
      maxAttempts: fc.integer({ min: 1, max: 4 }),
      rounds: fc.array(
        fc.record({
          // Each new message fails its first `failures` deliveries (counted over all drains), then succeeds.
          publish: fc.array(
            fc.record({ failures: fc.nat({ max: 6 }), how: fc.constantFrom(...(Object.keys(failures) as (keyof typeof failures)[])) }),
            { maxLength: 6 },
          ),
          // Then: no replay, replay(), or replay(ids) with ids m0, m1, … (some of them not dead letters).
          replay: fc.oneof(fc.constant<'none' | 'all'>('none'), fc.constant<'none' | 'all'>('all'), fc.array(fc.nat({ max: 20 }), { maxLength: 4 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    const details = await fc.check(
      fc.asyncProperty(scenario, async ({ maxAttempts, rounds }) => {
        const queue = new RetryQueue<number>({ maxAttempts });
        const plan: { failures: number; how: keyof typeof failures }[] = [];
        const delivered: number[] = [];
        const acked = new Set<string>();
        /** Deliveries since each live message was published or replayed; absent once acked or dead-lettered. */
        const fresh = new Map<string, number>();
        for (const [r, round] of rounds.entries()) {
          const problem = (text: string): never => {
            throw new Error(`round ${r + 1}: ${text}`);
          };
          for (const step of round.publish) {
            const id = `m${plan.length}`;
            queue.publish(id, plan.length);
            plan.push(step);
            delivered.push(0);
            fresh.set(id, 0);
          }
          // A problem seen inside the handler is kept for later: thrown there, the queue would take it
          // for a failed delivery.
          let seenInHandler: string | undefined;
          const report = await queue.drain((body, attempt, id) => {
            const seen = fresh.get(id);
            if (seen === undefined) seenInHandler ??= `${id} was delivered after it had been acked or dead-lettered`;
            else if (attempt !== seen + 1) seenInHandler ??= `${id} was delivered with attempt ${attempt}, but it was its delivery number ${seen + 1}`;
            else if (attempt > maxAttempts) seenInHandler ??= `${id} was delivered with attempt ${attempt} although maxAttempts is ${maxAttempts}`;
            fresh.set(id, attempt);
            delivered[body]!++;
            const { failures: failing, how } = plan[body]!;
            const outcome = delivered[body]! <= failing ? failures[how](attempt) : undefined;
            if (outcome && 'throws' in outcome) throw outcome.throws;
            if (outcome && 'rejects' in outcome) return Promise.reject(outcome.rejects);
            return undefined;
          });
          if (seenInHandler) problem(seenInHandler);
          for (const id of report.acked) {
            if (acked.has(id)) problem(`${id} was acked twice`);
            acked.add(id);
            fresh.delete(id);
          }
          const dead = queue.deadLetters();
          for (const letter of dead) {
            if (letter.attempts !== maxAttempts) problem(`${letter.id} is a dead letter with attempts ${letter.attempts}, not maxAttempts ${maxAttempts}`);
            if (acked.has(letter.id)) problem(`${letter.id} is both acked and dead-lettered`);
          }
          for (const letter of report.deadLettered) {
            if (!dead.some((d) => d.id === letter.id)) problem(`the report dead-lettered ${letter.id}, but deadLetters() does not list it`);
            fresh.delete(letter.id);
          }
          if (queue.depth !== 0) problem(`depth is ${queue.depth} after a drain`);
          const missing = plan.map((_, i) => `m${i}`).filter((id) => !acked.has(id) && !dead.some((d) => d.id === id));
          if (missing.length) problem(`after the drain, ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} neither acked nor in deadLetters()`);
          if (new Set(dead.map((d) => d.id)).size !== dead.length) problem(`deadLetters() lists an id twice: ${describeValue(dead.map((d) => d.id))}`);
          if (round.replay === 'none') continue;
          const ids = round.replay === 'all' ? undefined : round.replay.map((i) => `m${i}`);
          const moving = dead.filter((d) => ids === undefined || ids.includes(d.id));
          const call = `replay(${ids === undefined ? '' : describeValue(ids)})`;
          const moved = queue.replay(ids);
          if (moved !== moving.length) problem(`${call} returned ${moved}, but ${moving.length} of those ids were dead letters`);
          if (queue.depth !== moving.length) problem(`depth is ${queue.depth} after ${call} moved ${moving.length} messages into an empty main queue`);
          const left = queue.deadLetters().map((d) => d.id);
          const want = dead.filter((d) => !moving.includes(d)).map((d) => d.id);
          if (!isDeepStrictEqual(left, want)) problem(`after ${call} the dead letters are ${describeValue(left)}, not ${describeValue(want)}`);
          for (const letter of moving) fresh.set(letter.id, 0);
        }
      }),
      property,
    );
    if (details.failed) {
      // fast-check keeps the property's own error in `cause`; put it first, where the grader shows it.
      const error = details.errorInstance;
      const why = error instanceof Error ? error.message : describeValue(error);
      assert.fail(`${why}\n(seed ${details.seed}, smallest failing case: ${fc.stringify(details.counterexample)})`);
    }
  });
});
