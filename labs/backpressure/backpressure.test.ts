// Autograder for the backpressure lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade backpressure
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { ManualClock } from '../../src/models/common/clock';
import {
  AimdLimiter,
  BoundedQueue,
  CircuitBreaker,
  type OfferResult,
  type OverflowPolicy,
  type Permit,
} from './backpressure';

/**
 * Fixed seed, so that the same code always meets the same cases and gets the same score; the failing
 * check's own message goes into the report, so the grader can show it next to the counterexample.
 */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

/** Checks an offer's outcome, and the dropped item when one was dropped. */
function expectOffer<T>(what: string, result: OfferResult<T>, outcome: OfferResult<T>['outcome'], dropped?: T): void {
  const got = result as { outcome?: unknown; dropped?: unknown } | undefined;
  expectExactly(`${what} should report outcome '${outcome}'; its outcome`, got?.outcome, outcome);
  if (outcome === 'replaced') expectExactly(`${what}: the dropped item`, got?.dropped, dropped);
}

/** Polls until the queue says it is empty (at most `limit` times, so a queue that never empties fails instead of hanging). */
function drain<T>(queue: BoundedQueue<T>, limit = 100): T[] {
  const out: T[] = [];
  for (let i = 0; i < limit; i++) {
    const item = queue.poll();
    if (item === undefined) return out;
    out.push(item);
  }
  assert.fail(`poll() returned an item ${limit} times in a row from a queue that can hold at most ${queue.size} more; it should return undefined once the queue is empty`);
}

function expectItems<T>(what: string, got: T[], want: T[]): void {
  expectExactly(`${what} (polled oldest first)`, describeValue(got), describeValue(want));
}

/** Checks that constructing with valid options does not throw. */
function expectAccepted(what: string, make: () => unknown): void {
  try {
    make();
  } catch (error) {
    assert.fail(`${what} is valid and should be accepted, but it threw ${describeValue(error)}`);
  }
}

/** Takes `n` permits, failing with a clear message if one is refused. */
function acquire(limiter: AimdLimiter, n: number): Permit[] {
  const permits: Permit[] = [];
  for (let i = 0; i < n; i++) {
    const permit = limiter.tryAcquire();
    if (!permit) assert.fail(`tryAcquire() should grant permit ${i + 1} with ${limiter.inFlight} in flight and a limit of ${limiter.limit}, but it returned ${describeValue(permit)}`);
    permits.push(permit);
  }
  return permits;
}

describe('BoundedQueue', () => {
  it('rejects a bad capacity, an unknown overflow policy and a non-finite priority with a RangeError naming it', () => {
    expectRangeError("new BoundedQueue({ capacity: 0, overflow: 'reject' })", () => new BoundedQueue({ capacity: 0, overflow: 'reject' }), 'capacity');
    expectRangeError("new BoundedQueue({ capacity: 2.5, overflow: 'reject' })", () => new BoundedQueue({ capacity: 2.5, overflow: 'reject' }), 'capacity');
    expectRangeError("new BoundedQueue({ capacity: NaN, overflow: 'reject' })", () => new BoundedQueue({ capacity: Number.NaN, overflow: 'reject' }), 'capacity');
    expectRangeError(
      "new BoundedQueue({ capacity: 4, overflow: 'drop-newest' })",
      () => new BoundedQueue({ capacity: 4, overflow: 'drop-newest' as OverflowPolicy }),
      'overflow',
    );
    const queue = new BoundedQueue<string>({ capacity: 2, overflow: 'shed-lowest-priority' });
    expectRangeError("offer('a', NaN)", () => queue.offer('a', Number.NaN), 'priority');
    expectRangeError("offer('a', Infinity)", () => queue.offer('a', Number.POSITIVE_INFINITY), 'priority');
    expectExactly('size after two offers that threw', queue.size, 0);
  });

  it('accepts items while there is room and polls them oldest first, then undefined', () => {
    const queue = new BoundedQueue<string>({ capacity: 3, overflow: 'reject' });
    expectExactly('size of a new queue', queue.size, 0);
    expectExactly('poll() on an empty queue', queue.poll(), undefined);
    for (const item of ['a', 'b', 'c']) expectOffer(`offer('${item}') with room to spare`, queue.offer(item), 'accepted');
    expectExactly('size after three accepted offers', queue.size, 3);
    expectExactly('the first poll()', queue.poll(), 'a');
    expectExactly('the second poll()', queue.poll(), 'b');
    expectOffer("offer('d') after two polls made room", queue.offer('d'), 'accepted');
    expectItems('the rest of the queue', drain(queue), ['c', 'd']);
    expectExactly('size after draining', queue.size, 0);
    const tiny = new BoundedQueue<number>({ capacity: 1, overflow: 'drop-oldest' });
    expectOffer('offer(7) to an empty queue of capacity 1', tiny.offer(7), 'accepted');
    expectExactly('size of that queue', tiny.size, 1);
  });

  it("reject: a full queue turns the newcomer away and keeps what it had", () => {
    const queue = new BoundedQueue<string>({ capacity: 2, overflow: 'reject' });
    queue.offer('a');
    queue.offer('b');
    expectOffer("offer('c') to a full 'reject' queue holding [a, b]", queue.offer('c'), 'rejected');
    expectOffer("offer('d', 9) to the same queue ('reject' ignores priorities)", queue.offer('d', 9), 'rejected');
    expectExactly('size after the rejected offers', queue.size, 2);
    expectItems('the queue after the rejected offers', drain(queue), ['a', 'b']);
  });

  it('drop-oldest: a full queue drops the item that has waited longest and queues the newcomer at the back', () => {
    const queue = new BoundedQueue<string>({ capacity: 3, overflow: 'drop-oldest' });
    for (const item of ['a', 'b', 'c']) queue.offer(item);
    expectOffer("offer('d') to a full 'drop-oldest' queue holding [a, b, c]", queue.offer('d'), 'replaced', 'a');
    expectOffer("offer('e') to the queue now holding [b, c, d]", queue.offer('e'), 'replaced', 'b');
    expectExactly('size', queue.size, 3);
    expectItems('the queue', drain(queue), ['c', 'd', 'e']);
  });

  it('shed-lowest-priority: a newcomer of higher priority displaces the lowest-priority queued item', () => {
    const queue = new BoundedQueue<string>({ capacity: 3, overflow: 'shed-lowest-priority' });
    queue.offer('p2', 2);
    queue.offer('p0', 0);
    queue.offer('p5', 5);
    expectOffer("offer('p3', 3) to a full queue holding p2, p0, p5 (the number is the priority)", queue.offer('p3', 3), 'replaced', 'p0');
    expectOffer("offer('p4', 4) to the queue now holding p2, p5, p3", queue.offer('p4', 4), 'replaced', 'p2');
    expectItems('the queue, which still polls in arrival order', drain(queue), ['p5', 'p3', 'p4']);
  });

  it('shed-lowest-priority: a newcomer whose priority is the lowest, or only ties the lowest, is rejected', () => {
    const queue = new BoundedQueue<string>({ capacity: 2, overflow: 'shed-lowest-priority' });
    queue.offer('a', 3);
    queue.offer('b', 1);
    expectOffer("offer('c', -2) to a full queue holding a (priority 3) and b (priority 1)", queue.offer('c', -2), 'rejected');
    expectOffer("offer('d'), whose priority is 0 when left out, to the same queue", queue.offer('d'), 'rejected');
    expectOffer("offer('e', 1), which only ties b's priority, to the same queue", queue.offer('e', 1), 'rejected');
    expectItems('the queue after three rejected offers', drain(queue), ['a', 'b']);
  });

  it('shed-lowest-priority: among queued items tied for the lowest priority, the newest is shed', () => {
    const queue = new BoundedQueue<string>({ capacity: 4, overflow: 'shed-lowest-priority' });
    queue.offer('old', 1);
    queue.offer('high', 5);
    queue.offer('mid', 1);
    queue.offer('new', 1);
    expectOffer("offer('x', 2) to a full queue holding old (1), high (5), mid (1), new (1)", queue.offer('x', 2), 'replaced', 'new');
    expectOffer("offer('y', 2) to the queue now holding old (1), high (5), mid (1), x (2)", queue.offer('y', 2), 'replaced', 'mid');
    expectOffer("offer('z', 3) to the queue now holding old (1), high (5), x (2), y (2)", queue.offer('z', 3), 'replaced', 'old');
    expectItems('the queue', drain(queue), ['high', 'x', 'y', 'z']);
  });

  it('never holds more than capacity, and every offered item is polled, rejected or dropped exactly once, oldest first', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('offer' as const), priority: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('poll' as const) }),
    );
    const policy = fc.constantFrom<OverflowPolicy>('reject', 'drop-oldest', 'shed-lowest-priority');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), policy, fc.array(op, { maxLength: 60 }), (capacity, overflow, ops) => {
        const queue = new BoundedQueue<number>({ capacity, overflow });
        // What the test has seen happen to each item, by id; ids grow with the order of the offers.
        const fate = new Map<number, 'queued' | 'polled' | 'rejected' | 'dropped'>();
        const queued = (): number[] => [...fate].filter(([, f]) => f === 'queued').map(([id]) => id);
        let next = 0;
        ops.forEach((step, index) => {
          const where = `With capacity ${capacity} and overflow '${overflow}', at step ${index + 1}`;
          if (step.kind === 'offer') {
            const id = next++;
            const before = queued().length;
            const result = queue.offer(id, step.priority) as { outcome?: unknown; dropped?: unknown } | undefined;
            const full = before >= capacity;
            if (result?.outcome === 'accepted' && !full) fate.set(id, 'queued');
            else if (result?.outcome === 'rejected' && full) fate.set(id, 'rejected');
            else if (result?.outcome === 'replaced' && full && fate.get(result.dropped as number) === 'queued') {
              fate.set(result.dropped as number, 'dropped');
              fate.set(id, 'queued');
            } else {
              throw new Error(
                `${where}, offer(${id}) to a queue holding ${before} item(s) returned ${describeValue(result)}; ` +
                  (full ? 'a full queue must reject the newcomer or replace an item it holds' : 'a queue with room must accept'),
              );
            }
          } else {
            const oldest = queued()[0];
            const got = queue.poll();
            if (got !== oldest) throw new Error(`${where}, poll() returned ${describeValue(got)}, but the oldest item in the queue is ${describeValue(oldest)}`);
            if (oldest !== undefined) fate.set(oldest, 'polled');
          }
          const size = queue.size;
          if (size !== queued().length || size > capacity) {
            throw new Error(`${where}, size is ${size}, but ${queued().length} item(s) should be waiting (capacity ${capacity})`);
          }
        });
        const rest = queued();
        const drained = drain(queue);
        if (describeValue(drained) !== describeValue(rest)) {
          throw new Error(`With capacity ${capacity} and overflow '${overflow}', draining at the end gave ${describeValue(drained)}, but ${describeValue(rest)} should still be waiting, oldest first`);
        }
      }),
      property,
    );
  });

  it('shed-lowest-priority: for any offers and polls, sheds the newest lowest-priority item, and only for a higher-priority newcomer', () => {
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('offer' as const), priority: fc.integer({ min: -2, max: 2 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('poll' as const) }) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const queue = new BoundedQueue<number>({ capacity, overflow: 'shed-lowest-priority' });
        // The queue's contents as the test expects them, oldest first.
        const inside: { id: number; priority: number }[] = [];
        let next = 0;
        ops.forEach((step, index) => {
          const where = `With capacity ${capacity}, at step ${index + 1}, holding ${describeValue(inside.map((e) => `${e.id} (priority ${e.priority})`))}`;
          if (step.kind === 'poll') {
            const got = queue.poll();
            const want = inside.shift()?.id;
            if (got !== want) throw new Error(`${where}, poll() returned ${describeValue(got)} instead of ${describeValue(want)}`);
            return;
          }
          const id = next++;
          const result = queue.offer(id, step.priority) as { outcome?: unknown; dropped?: unknown } | undefined;
          const offer = `${where}, offer(${id}, ${step.priority}) returned ${describeValue(result)}`;
          if (inside.length < capacity) {
            if (result?.outcome !== 'accepted') throw new Error(`${offer}, but there was room, so it should be accepted`);
            inside.push({ id, priority: step.priority });
            return;
          }
          const lowest = Math.min(...inside.map((e) => e.priority));
          if (step.priority <= lowest) {
            if (result?.outcome !== 'rejected') throw new Error(`${offer}, but a newcomer of priority ${step.priority} is not above the lowest queued priority ${lowest}, so it should be rejected`);
            return;
          }
          let victim = inside.length - 1;
          while (inside[victim]!.priority !== lowest) victim--;
          const want = inside[victim]!.id;
          if (result?.outcome !== 'replaced' || result.dropped !== want) {
            throw new Error(`${offer}, but it should replace ${want}, the newest of the items with the lowest priority ${lowest}`);
          }
          inside.splice(victim, 1);
          inside.push({ id, priority: step.priority });
        });
      }),
      property,
    );
  });
});

describe('CircuitBreaker', () => {
  /**
   * Trips a breaker by reporting failures until it reads 'open', so that the tests of what happens
   * afterwards do not also grade the exact threshold (the second test does that).
   */
  function trip(breaker: CircuitBreaker, most = 20): void {
    for (let i = 0; i < most; i++) {
      breaker.allowCall();
      breaker.recordFailure();
      if (breaker.state === 'open') return;
    }
    assert.fail(`the breaker should open after failureThreshold consecutive failures, but it still read ${describeValue(breaker.state)} after ${most}`);
  }

  it('rejects a failureThreshold or trialCalls that is not a positive integer and a negative or NaN openDurationMs, naming the option', () => {
    const clock = new ManualClock();
    const ok = { clock, failureThreshold: 3, openDurationMs: 1000, trialCalls: 2 };
    expectRangeError('new CircuitBreaker({ ...ok, failureThreshold: 0 })', () => new CircuitBreaker({ ...ok, failureThreshold: 0 }), 'failureThreshold');
    expectRangeError('new CircuitBreaker({ ...ok, failureThreshold: 2.5 })', () => new CircuitBreaker({ ...ok, failureThreshold: 2.5 }), 'failureThreshold');
    expectRangeError('new CircuitBreaker({ ...ok, openDurationMs: -1 })', () => new CircuitBreaker({ ...ok, openDurationMs: -1 }), 'openDurationMs');
    expectRangeError('new CircuitBreaker({ ...ok, openDurationMs: NaN })', () => new CircuitBreaker({ ...ok, openDurationMs: Number.NaN }), 'openDurationMs');
    expectRangeError('new CircuitBreaker({ ...ok, openDurationMs: Infinity })', () => new CircuitBreaker({ ...ok, openDurationMs: Number.POSITIVE_INFINITY }), 'openDurationMs');
    expectRangeError('new CircuitBreaker({ ...ok, trialCalls: 0 })', () => new CircuitBreaker({ ...ok, trialCalls: 0 }), 'trialCalls');
    expectRangeError('new CircuitBreaker({ ...ok, trialCalls: 1.5 })', () => new CircuitBreaker({ ...ok, trialCalls: 1.5 }), 'trialCalls');
    expectAccepted('new CircuitBreaker({ clock, failureThreshold: 1, openDurationMs: 0, trialCalls: 1 })', () => new CircuitBreaker({ clock, failureThreshold: 1, openDurationMs: 0, trialCalls: 1 }));
  });

  it('is closed and lets calls through until failureThreshold consecutive failures, then opens and refuses calls', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 3, openDurationMs: 5000, trialCalls: 1 });
    expectExactly('state of a new breaker', breaker.state, 'closed');
    for (let failures = 1; failures <= 3; failures++) {
      expectExactly(`allowCall() after ${failures - 1} failure(s), with failureThreshold 3,`, breaker.allowCall(), true);
      breaker.recordFailure();
      expectExactly(`state after ${failures} consecutive failure(s), with failureThreshold 3,`, breaker.state, failures < 3 ? 'closed' : 'open');
    }
    expectExactly('allowCall() right after the breaker opened', breaker.allowCall(), false);
    clock.advance(4999);
    expectExactly('allowCall() 4999 ms after it opened, with openDurationMs 5000,', breaker.allowCall(), false);
    expectExactly('state 4999 ms after it opened', breaker.state, 'open');
  });

  it('a success while closed resets the count of consecutive failures', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 3, openDurationMs: 5000, trialCalls: 1 });
    for (const result of ['failure', 'failure', 'success', 'failure', 'failure']) {
      breaker.allowCall();
      if (result === 'failure') breaker.recordFailure();
      else breaker.recordSuccess();
    }
    expectExactly('state after failure, failure, success, failure, failure, with failureThreshold 3 (never 3 in a row)', breaker.state, 'closed');
    trip(breaker);
  });

  it('half-opens exactly openDurationMs after it opened', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 1, openDurationMs: 5000, trialCalls: 1 });
    trip(breaker);
    clock.advance(4999);
    expectExactly('state 4999 ms after it opened, with openDurationMs 5000,', breaker.state, 'open');
    expectExactly('allowCall() 4999 ms after it opened', breaker.allowCall(), false);
    clock.advance(1);
    expectExactly('state exactly 5000 ms after it opened', breaker.state, 'half-open');
    expectExactly('allowCall() exactly 5000 ms after it opened (a trial call)', breaker.allowCall(), true);
  });

  it('half-open lets exactly trialCalls calls through and refuses the rest', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 1, openDurationMs: 1000, trialCalls: 3 });
    trip(breaker);
    clock.advance(1500);
    expectExactly('state 1500 ms after it opened, with openDurationMs 1000,', breaker.state, 'half-open');
    for (let trial = 1; trial <= 3; trial++) expectExactly(`allowCall() for trial ${trial} of 3 in half-open`, breaker.allowCall(), true);
    expectExactly('allowCall() for a 4th call while the 3 trials are out', breaker.allowCall(), false);
    expectExactly('allowCall() for a 5th call', breaker.allowCall(), false);
    expectExactly('state while the trials are out', breaker.state, 'half-open');
  });

  it('half-open closes only once trialCalls trials have succeeded, with its failure count back at 0', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 2, openDurationMs: 1000, trialCalls: 3 });
    trip(breaker);
    clock.advance(1500);
    for (let trial = 1; trial <= 3; trial++) breaker.allowCall();
    breaker.recordSuccess();
    expectExactly('state after 1 of 3 trials succeeded', breaker.state, 'half-open');
    breaker.recordSuccess();
    expectExactly('state after 2 of 3 trials succeeded', breaker.state, 'half-open');
    breaker.recordSuccess();
    expectExactly('state after all 3 trials succeeded', breaker.state, 'closed');
    expectExactly('allowCall() once closed again', breaker.allowCall(), true);
    breaker.recordFailure();
    expectExactly('state after 1 failure since it closed, with failureThreshold 2,', breaker.state, 'closed');
  });

  it('a failed trial opens it again for a full openDurationMs from the failure', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 1, openDurationMs: 5000, trialCalls: 2 });
    trip(breaker);
    clock.advance(6000);
    breaker.allowCall();
    breaker.allowCall();
    breaker.recordSuccess();
    clock.advance(2000);
    breaker.recordFailure();
    expectExactly('state after the first trial succeeded and the second failed', breaker.state, 'open');
    expectExactly('allowCall() right after the failed trial', breaker.allowCall(), false);
    clock.advance(4999);
    expectExactly('state 4999 ms after the failed trial, with openDurationMs 5000,', breaker.state, 'open');
    expectExactly('allowCall() 4999 ms after the failed trial', breaker.allowCall(), false);
    clock.advance(501);
    expectExactly('state 5500 ms after the failed trial', breaker.state, 'half-open');
  });

  it('ignores results reported while open: a late failure does not extend the open time, a late success does not close it', () => {
    const clock = new ManualClock(1000);
    const breaker = new CircuitBreaker({ clock, failureThreshold: 2, openDurationMs: 5000, trialCalls: 1 });
    for (let call = 0; call < 4; call++) breaker.allowCall();
    trip(breaker);
    clock.advance(3000);
    breaker.recordFailure();
    expectExactly('state after a late failure, 3000 ms into the open time', breaker.state, 'open');
    breaker.recordSuccess();
    expectExactly('state after a late success, 3000 ms into the open time', breaker.state, 'open');
    expectExactly('allowCall() after the late results', breaker.allowCall(), false);
    clock.advance(2500);
    expectExactly('state 5500 ms after it opened, despite the late failure at 3000 ms', breaker.state, 'half-open');
  });
});

describe('AimdLimiter', () => {
  it('rejects bad options and an unknown outcome with a RangeError naming it', () => {
    const clock = new ManualClock();
    const limits = { clock, minLimit: 5, initialLimit: 10, maxLimit: 20 };
    expectRangeError('new AimdLimiter({ clock, minLimit: 0 })', () => new AimdLimiter({ clock, minLimit: 0 }), 'minLimit');
    expectRangeError('new AimdLimiter({ clock, minLimit: 2.5 })', () => new AimdLimiter({ clock, minLimit: 2.5 }), 'minLimit');
    expectRangeError('new AimdLimiter({ clock, maxLimit: 50.5 })', () => new AimdLimiter({ clock, maxLimit: 50.5 }), 'maxLimit');
    expectRangeError('new AimdLimiter({ ...limits, initialLimit: 4 }), below minLimit 5,', () => new AimdLimiter({ ...limits, initialLimit: 4 }), 'initialLimit');
    expectRangeError('new AimdLimiter({ ...limits, initialLimit: 21 }), above maxLimit 20,', () => new AimdLimiter({ ...limits, initialLimit: 21 }), 'initialLimit');
    expectRangeError('new AimdLimiter({ clock, backoffRatio: 1 })', () => new AimdLimiter({ clock, backoffRatio: 1 }), 'backoffRatio');
    expectRangeError('new AimdLimiter({ clock, backoffRatio: 0 })', () => new AimdLimiter({ clock, backoffRatio: 0 }), 'backoffRatio');
    expectRangeError('new AimdLimiter({ clock, backoffRatio: NaN })', () => new AimdLimiter({ clock, backoffRatio: Number.NaN }), 'backoffRatio');
    expectRangeError('new AimdLimiter({ clock, timeoutMs: 0 })', () => new AimdLimiter({ clock, timeoutMs: 0 }), 'timeoutMs');
    expectRangeError('new AimdLimiter({ clock, timeoutMs: -100 })', () => new AimdLimiter({ clock, timeoutMs: -100 }), 'timeoutMs');
    expectAccepted('new AimdLimiter({ clock, minLimit: 1, initialLimit: 1, maxLimit: 1 })', () => new AimdLimiter({ clock, minLimit: 1, initialLimit: 1, maxLimit: 1 }));
    const permit = new AimdLimiter(limits).tryAcquire()!;
    expectRangeError("permit.release('timeout'), an outcome that does not exist,", () => permit.release('timeout' as 'dropped'), 'outcome');
  });

  it('grants permits while fewer than limit are in flight, and each permit frees its slot exactly once', () => {
    const clock = new ManualClock();
    expectExactly('limit with the default options (initialLimit 20)', new AimdLimiter({ clock }).limit, 20);
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 3, maxLimit: 10 });
    expectExactly('inFlight of a new limiter', limiter.inFlight, 0);
    const [, second] = acquire(limiter, 3);
    expectExactly('inFlight after 3 permits', limiter.inFlight, 3);
    expectExactly('tryAcquire() with 3 in flight and a limit of 3', limiter.tryAcquire(), undefined);
    expectExactly('inFlight after a refused tryAcquire()', limiter.inFlight, 3);
    second!.release('ignored');
    expectExactly('inFlight after one release', limiter.inFlight, 2);
    let thrown: unknown;
    try {
      second!.release('ignored');
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof Error && thrown.message.trim() !== '')) {
      assert.fail(`releasing the same permit a second time should throw an Error with a message saying what went wrong, but it ${thrown === undefined ? 'returned normally' : `threw ${describeValue(thrown)}`}`);
    }
    expectExactly('inFlight after the second release of one permit', limiter.inFlight, 2);
    acquire(limiter, 1);
    expectExactly('inFlight after taking the freed slot', limiter.inFlight, 3);
  });

  it('adds 1 to the limit for a success whose request saw at least half the limit in flight', () => {
    const clock = new ManualClock();
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 10, maxLimit: 100 });
    const permits = acquire(limiter, 5);
    permits[4]!.release('success');
    expectExactly('limit after a success with 5 of 10 in flight (exactly half)', limiter.limit, 11);
    const more = acquire(limiter, 2);
    more[1]!.release('success');
    expectExactly('limit after a success with 6 in flight and a limit of 11', limiter.limit, 12);
  });

  it('leaves the limit alone for a success whose request saw fewer than half the limit in flight, and for an ignored outcome', () => {
    const clock = new ManualClock();
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 10, maxLimit: 100, timeoutMs: 1000 });
    const permits = acquire(limiter, 4);
    permits[3]!.release('success');
    expectExactly('limit after a success with 4 of 10 in flight', limiter.limit, 10);
    permits[0]!.release('success');
    expectExactly('limit after a success by the first of those requests (1 in flight when it started)', limiter.limit, 10);
    const full = acquire(limiter, 8);
    full[7]!.release('ignored');
    expectExactly("limit after an 'ignored' outcome with 10 of 10 in flight", limiter.limit, 10);
    clock.advance(5000);
    full[6]!.release('ignored');
    expectExactly("limit after an 'ignored' outcome that took longer than timeoutMs", limiter.limit, 10);
  });

  it('judges a success by the number in flight when its permit was granted, not when it is released', () => {
    const clock = new ManualClock();
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 10, maxLimit: 100 });
    const [first, ...others] = acquire(limiter, 10);
    first!.release('success');
    expectExactly('limit after a success whose request started alone, though 10 were in flight when it ended,', limiter.limit, 10);
    for (const permit of others.slice(0, 8)) permit.release('ignored');
    others[8]!.release('success');
    expectExactly('limit after a success whose request started with 10 in flight, though it ended alone,', limiter.limit, 11);
  });

  it('multiplies the limit by backoffRatio on a drop and rounds down (0.9 by default: 40 → 36 → 32 → 28)', () => {
    const clock = new ManualClock();
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 40, maxLimit: 100 });
    for (const want of [36, 32, 28]) {
      const before = limiter.limit;
      acquire(limiter, 1)[0]!.release('dropped');
      expectExactly(`limit after a drop at a limit of ${before} (⌊${before} × 0.9⌋)`, limiter.limit, want);
    }
    const halving = new AimdLimiter({ clock, minLimit: 1, initialLimit: 9, maxLimit: 100, backoffRatio: 0.5 });
    for (const want of [4, 2, 1]) {
      const before = halving.limit;
      acquire(halving, 1)[0]!.release('dropped');
      expectExactly(`limit after a drop at a limit of ${before} with backoffRatio 0.5`, halving.limit, want);
    }
  });

  it('counts a success that took longer than timeoutMs as a drop (5000 ms by default)', () => {
    const clock = new ManualClock();
    const limiter = new AimdLimiter({ clock, minLimit: 1, initialLimit: 10, maxLimit: 100 });
    const slow = acquire(limiter, 1)[0]!;
    clock.advance(5001);
    slow.release('success');
    expectExactly('limit after a success that took 5001 ms, with the default timeoutMs 5000', limiter.limit, 9);
    const permits = acquire(limiter, 5);
    clock.advance(5000);
    permits[4]!.release('success');
    expectExactly('limit after a success that took exactly 5000 ms, with 5 of 9 in flight', limiter.limit, 10);
    const quick = new AimdLimiter({ clock, minLimit: 1, initialLimit: 10, maxLimit: 100, timeoutMs: 100 });
    const late = acquire(quick, 1)[0]!;
    clock.advance(101);
    late.release('success');
    expectExactly('limit after a success that took 101 ms, with timeoutMs 100', quick.limit, 9);
  });

  it('never lets the limit leave [minLimit, maxLimit] (20 and 200 by default)', () => {
    const clock = new ManualClock();
    const defaults = new AimdLimiter({ clock });
    acquire(defaults, 1)[0]!.release('dropped');
    expectExactly('limit after a drop at 20 with the default minLimit 20 (⌊20 × 0.9⌋ = 18 is below it)', defaults.limit, 20);
    const atMax = new AimdLimiter({ clock, initialLimit: 200 });
    acquire(atMax, 200)[199]!.release('success');
    expectExactly('limit after a success at 200 with the default maxLimit 200', atMax.limit, 200);
    const pinned = new AimdLimiter({ clock, minLimit: 7, initialLimit: 7, maxLimit: 7 });
    acquire(pinned, 7)[6]!.release('success');
    expectExactly('limit after a success with minLimit = maxLimit = 7', pinned.limit, 7);

    const step = fc.record({ kind: fc.constantFrom('acquire', 'success', 'dropped', 'ignored', 'slow success'), pick: fc.nat() });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 50, max: 95 }),
        fc.array(step, { maxLength: 80 }),
        (minLimit, span, offset, backoffPercent, steps) => {
          const options = { clock: new ManualClock(), minLimit, maxLimit: minLimit + span, initialLimit: minLimit + Math.min(offset, span), backoffRatio: backoffPercent / 100, timeoutMs: 1000 };
          const limiter = new AimdLimiter(options);
          const held: Permit[] = [];
          steps.forEach((s, index) => {
            const where = `With ${describeValue({ ...options, clock: undefined })}, at step ${index + 1} (${s.kind})`;
            if (s.kind === 'acquire') {
              const [inFlight, limit] = [limiter.inFlight, limiter.limit];
              const permit = limiter.tryAcquire();
              if ((permit !== undefined) !== inFlight < limit) {
                throw new Error(`${where}, tryAcquire() with ${inFlight} in flight and a limit of ${limit} returned ${describeValue(permit)}`);
              }
              if (permit) held.push(permit);
            } else if (held.length) {
              const [permit] = held.splice(s.pick % held.length, 1);
              if (s.kind === 'slow success') options.clock.advance(1001);
              permit!.release(s.kind === 'slow success' ? 'success' : s.kind);
            }
            const limit = limiter.limit;
            if (!Number.isInteger(limit) || limit < options.minLimit || limit > options.maxLimit) {
              throw new Error(`${where}, the limit is ${limit}, but it must be an integer from ${options.minLimit} to ${options.maxLimit}`);
            }
            if (limiter.inFlight !== held.length) throw new Error(`${where}, inFlight is ${limiter.inFlight}, but ${held.length} permit(s) are unreleased`);
          });
        },
      ),
      property,
    );
  });
});
