// Autograder for the tao-cache lab. Each test is one graded behaviour; points and hints for each are
// in lab.json, keyed by the test's full name. Run: npm run grade tao-cache
//
// The tests build your Tao over a store and a channel of their own, both on a virtual clock:
//   - the store answers every call after `latencyMs` of virtual time (10 ms unless a test says
//     otherwise), from its data at that moment, and counts every read it is asked for;
//   - the channel delivers each message after its region's lag (the promise `send` returns resolves
//     then).
// No real time passes: the clock jumps from one event to the next, and your promise callbacks run in
// between. Reading the code of the two fakes below tells you exactly what your code is talking to.
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { VirtualTime } from '../../src/models/common/virtual-time';
import { Tao, type Assoc, type CacheStats, type Follower, type GraphStore, type InvalidationChannel, type TaoObject } from './tao-cache';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261130, numRuns: 40, includeErrorInReport: true } as const;

// ---------------------------------------------------------------------------------------------
// The tests' store and channel
// ---------------------------------------------------------------------------------------------

/** A store read or write, as the fake store saw it. */
interface Call {
  method: keyof GraphStore;
  /** What it reads or writes: "object 105", "assocs 632 COMMENT", "count 632 COMMENT". */
  key: string;
  /** When it was asked for, in virtual ms. */
  at: number;
}

/** An in-memory graph that takes `latencyMs` to answer, on the virtual clock, and records every call. */
class FakeStore implements GraphStore {
  readonly objects = new Map<number, TaoObject>();
  readonly assocs = new Map<string, Map<number, Assoc>>();
  readonly reads: Call[] = [];
  readonly writes: Call[] = [];
  /** When each write was applied (its promise resolves at the same instant), with what it wrote. */
  readonly applied: Array<{ at: number; object?: TaoObject; assoc?: Assoc }> = [];
  /** Reads in flight now, and the most ever in flight at once, by key. */
  readonly inFlight = new Map<string, number>();
  readonly maxInFlight = new Map<string, number>();
  /** Keys whose next read fails. */
  readonly failNext = new Set<string>();

  constructor(
    readonly time: VirtualTime,
    readonly latencyMs = 10,
  ) {}

  /** Puts data in the store before the test starts (no time, not counted). */
  seed(objects: TaoObject[], assocs: Assoc[] = []): void {
    for (const o of objects) this.objects.set(o.id, copyObject(o));
    for (const a of assocs) this.#list(a.id1, a.atype).set(a.id2, { ...a });
  }

  /** Reads asked for so far, of one key if given. */
  readCount(key?: string): number {
    return this.reads.filter((r) => key === undefined || r.key === key).length;
  }

  getObject(id: number): Promise<TaoObject | undefined> {
    return this.#read('getObject', `object ${id}`, () => {
      const o = this.objects.get(id);
      return o && copyObject(o);
    });
  }

  getAssocs(id1: number, atype: string): Promise<Assoc[]> {
    // In the order they were added, which is not newest first.
    return this.#read('getAssocs', `assocs ${id1} ${atype}`, () => [...this.#list(id1, atype).values()].map((a) => ({ ...a })));
  }

  countAssocs(id1: number, atype: string): Promise<number> {
    return this.#read('countAssocs', `count ${id1} ${atype}`, () => this.#list(id1, atype).size);
  }

  putObject(object: TaoObject): Promise<void> {
    const copy = copyObject(object);
    return this.#write('putObject', `object ${object.id}`, () => {
      this.objects.set(copy.id, copy);
      this.applied.push({ at: this.time.now(), object: copyObject(copy) });
    });
  }

  addAssoc(assoc: Assoc): Promise<void> {
    const copy = { ...assoc };
    return this.#write('addAssoc', `assocs ${assoc.id1} ${assoc.atype}`, () => {
      const list = this.#list(copy.id1, copy.atype);
      list.delete(copy.id2);
      list.set(copy.id2, copy);
      this.applied.push({ at: this.time.now(), assoc: { ...copy } });
    });
  }

  #list(id1: number, atype: string): Map<number, Assoc> {
    const key = `${id1} ${atype}`;
    let list = this.assocs.get(key);
    if (!list) this.assocs.set(key, (list = new Map()));
    return list;
  }

  #read<T>(method: keyof GraphStore, key: string, answer: () => T): Promise<T> {
    this.reads.push({ method, key, at: this.time.now() });
    const now = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, now);
    this.maxInFlight.set(key, Math.max(now, this.maxInFlight.get(key) ?? 0));
    const fails = this.failNext.delete(key);
    return new Promise((resolve, reject) =>
      this.time.schedule(this.latencyMs, () => {
        this.inFlight.set(key, this.inFlight.get(key)! - 1);
        // The answer is read when the query completes, so it reflects every write applied before then.
        if (fails) reject(new Error(`the store failed to read ${key}`));
        else resolve(answer());
      }),
    );
  }

  #write(method: keyof GraphStore, key: string, apply: () => void): Promise<void> {
    this.writes.push({ method, key, at: this.time.now() });
    return new Promise((resolve) =>
      this.time.schedule(this.latencyMs, () => {
        apply();
        resolve();
      }),
    );
  }
}

/** Delivers each message to `region` after `lagMs[region]` of virtual time (0 for a region not listed). */
class FakeChannel implements InvalidationChannel {
  readonly sent: Array<{ region: string; message: unknown; at: number }> = [];

  constructor(
    readonly time: VirtualTime,
    readonly lagMs: Record<string, number>,
  ) {}

  send(region: string, message: unknown): Promise<void> {
    this.sent.push({ region, message, at: this.time.now() });
    return this.time.sleep(this.lagMs[region] ?? 0);
  }
}

const copyObject = (o: TaoObject): TaoObject => ({ ...o, data: { ...o.data } });

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

interface WorldOptions {
  regions?: Record<string, number>;
  master?: string;
  lagMs?: Record<string, number>;
  latencyMs?: number;
}

/** A store, a channel and your Tao over them, all on one virtual clock starting at 0. */
function world(options: WorldOptions = {}) {
  const { regions = { A: 2, B: 2, C: 2 }, master = 'A', lagMs = { A: 200, B: 100, C: 300 }, latencyMs = 10 } = options;
  const time = new VirtualTime();
  const store = new FakeStore(time, latencyMs);
  const channel = new FakeChannel(time, lagMs);
  const tao = new Tao({ store, channel, regions, masterRegion: master });
  return {
    time,
    store,
    channel,
    tao,
    /** Follower tier `index` of `region`. */
    f: (region: string, index: number): Follower => tao.follower(region, index),
    /** Runs the clock until `op` finishes, then runs whatever else is due at that instant; fails the test if `op` fails or never finishes. */
    async done<T>(what: string, op: Promise<T>): Promise<T> {
      const outcome = await time.settle(op);
      if (!outcome.settled) assert.fail(`${what} never finished (the clock ran to ${time.now()} ms and nothing else was due)`);
      if (!outcome.ok) assert.fail(`${what} failed: ${describeValue(outcome.error)}`);
      await time.runUntil(time.now());
      return outcome.value;
    },
  };
}

type World = ReturnType<typeof world>;

/** Associations as short text, "632-COMMENT->771@300", for comparisons and messages. */
const assocsText = (list: unknown): string =>
  Array.isArray(list) ? `[${list.map((a: Assoc) => `${a?.id1}-${a?.atype}->${a?.id2}@${a?.time}`).join(', ')}]` : describeValue(list);

/** An object as canonical text (sorted keys), for comparisons and messages. */
function objectText(value: unknown): string {
  if (value === undefined) return 'undefined';
  const sort = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}

function expectStats(what: string, got: CacheStats, hits: number, misses: number): void {
  expectExactly(`${what}: hits`, got?.hits, hits);
  expectExactly(`${what}: misses`, got?.misses, misses);
}

/** Checks that `call` throws, or returns a promise that rejects with, a RangeError naming `argument`. */
async function expectRangeRejection(what: string, call: () => Promise<unknown>, argument: string): Promise<void> {
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (error) {
    expectRangeError(what, () => {
      throw error;
    }, argument);
    return;
  }
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    expectRangeError(what, () => {
      throw error;
    }, argument);
    return;
  }
  assert.fail(`${what} should reject with a RangeError naming "${argument}", but it resolved to ${describeValue(result)}`);
}

// The running example: Alice checks in at the Golden Gate Bridge (object 534) with Bob; the checkin
// (object 632) collects comments, each a COMMENT association from 632 to a comment object.
const alice: TaoObject = { id: 105, otype: 'user', data: { name: 'Alice' } };
const bob: TaoObject = { id: 244, otype: 'user', data: { name: 'Bob' } };
const checkin: TaoObject = { id: 632, otype: 'checkin', data: { at: '534' } };
const comment = (id2: number, time: number): Assoc => ({ id1: 632, atype: 'COMMENT', id2, time });
/** Four comments, added to the store out of time order. */
const comments = [comment(771, 300), comment(802, 100), comment(815, 400), comment(790, 200)];
const newestFirstText = assocsText([comment(815, 400), comment(771, 300), comment(790, 200), comment(802, 100)]);

function seeded(options: WorldOptions = {}): World {
  const w = world(options);
  w.store.seed([alice, bob, checkin], [...comments, { id1: 105, atype: 'FRIEND', id2: 244, time: 50 }]);
  return w;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('new Tao', () => {
  it('rejects no regions, a follower count that is not an integer >= 1, and an unknown masterRegion, with a RangeError naming it', () => {
    const time = new VirtualTime();
    const parts = { store: new FakeStore(time), channel: new FakeChannel(time, {}) };
    expectRangeError('new Tao({ regions: {}, masterRegion: "A" })', () => new Tao({ ...parts, regions: {}, masterRegion: 'A' }), 'regions');
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expectRangeError(`new Tao({ regions: { A: 2, B: ${bad} }, masterRegion: "A" })`, () => new Tao({ ...parts, regions: { A: 2, B: bad }, masterRegion: 'A' }), 'regions');
    }
    expectRangeError('new Tao({ regions: { A: 2, B: 2 }, masterRegion: "Z" })', () => new Tao({ ...parts, regions: { A: 2, B: 2 }, masterRegion: 'Z' }), 'masterRegion');
  });
});

describe('Tao.follower and Tao.leaderStats', () => {
  it('reject an unknown region, or a follower index that is not an integer from 0 to the count − 1, with a RangeError naming it', () => {
    const { tao } = world({ regions: { A: 2, B: 3 } });
    expectRangeError('follower("Z", 0)', () => tao.follower('Z', 0), 'region');
    for (const index of [-1, 2, 0.5, Number.NaN]) expectRangeError(`follower("A", ${index}) where A has 2 follower tiers`, () => tao.follower('A', index), 'index');
    expectRangeError('leaderStats("Z")', () => tao.leaderStats('Z'), 'region');
    for (const index of [0, 1, 2]) {
      try {
        tao.follower('B', index);
      } catch (error) {
        assert.fail(`follower("B", ${index}) where B has 3 follower tiers should work, but it threw ${describeValue(error)}`);
      }
    }
  });
});

describe('reads', () => {
  it('getObject reads through to the store once, then answers from the cache', async () => {
    const w = seeded();
    const first = await w.done('getObject(105) at follower A0', w.f('A', 0).getObject(105));
    expectExactly('the first getObject(105)', objectText(first), objectText(alice));
    expectExactly('store reads after the first getObject(105)', w.store.readCount(), 1);
    expectExactly('the store read it made', `${w.store.reads[0]?.method} ${w.store.reads[0]?.key}`, 'getObject object 105');
    const again = await w.done('getObject(105) at A0 again', w.f('A', 0).getObject(105));
    expectExactly('the second getObject(105)', objectText(again), objectText(alice));
    expectExactly('store reads after the second getObject(105) (it is cached)', w.store.readCount(), 1);
  });

  it('getObject of an id with no object gives undefined, and caches that absence like any answer', async () => {
    const w = seeded();
    const f = w.f('A', 0);
    expectExactly('getObject(999), an id with no object', objectText(await w.done('getObject(999)', f.getObject(999))), 'undefined');
    expectExactly('getObject(999) again', objectText(await w.done('getObject(999) again', f.getObject(999))), 'undefined');
    expectExactly('store reads for object 999 after reading it twice from one follower', w.store.readCount('object 999'), 1);
    await w.done('getObject(999) at A1', w.f('A', 1).getObject(999));
    expectExactly('store reads for object 999 after a second follower of the region read it (its leader knows it is absent)', w.store.readCount('object 999'), 1);
  });

  it('assocRange gives the list newest first: the associations at positions pos to pos + limit − 1', async () => {
    const w = seeded();
    const f = w.f('A', 0);
    const range = (pos: number, limit: number) => w.done(`assocRange(632, 'COMMENT', ${pos}, ${limit})`, f.assocRange(632, 'COMMENT', pos, limit));
    expectExactly("assocRange(632, 'COMMENT', 0, 10) of the 4 comments (the store returns them in another order)", assocsText(await range(0, 10)), newestFirstText);
    expectExactly("assocRange(632, 'COMMENT', 0, 2): the 2 newest", assocsText(await range(0, 2)), assocsText([comment(815, 400), comment(771, 300)]));
    expectExactly("assocRange(632, 'COMMENT', 1, 2)", assocsText(await range(1, 2)), assocsText([comment(771, 300), comment(790, 200)]));
    expectExactly("assocRange(632, 'COMMENT', 3, 5): the oldest", assocsText(await range(3, 5)), assocsText([comment(802, 100)]));
  });

  it('assocRange gives [] past the end of the list, for limit 0, and for a list with no associations', async () => {
    const w = seeded();
    const f = w.f('B', 1);
    expectExactly("assocRange(632, 'COMMENT', 4, 10) of a 4-comment list", assocsText(await w.done('range past the end', f.assocRange(632, 'COMMENT', 4, 10))), '[]');
    expectExactly("assocRange(632, 'COMMENT', 0, 0)", assocsText(await w.done('range of limit 0', f.assocRange(632, 'COMMENT', 0, 0))), '[]');
    expectExactly("assocRange(632, 'LIKE', 0, 10): no likes", assocsText(await w.done('range of an empty list', f.assocRange(632, 'LIKE', 0, 10))), '[]');
    await w.done('the same empty range again', f.assocRange(632, 'LIKE', 0, 10));
    expectExactly("store reads for (632, 'LIKE') after reading its empty list twice (an empty list is cached too)", w.store.readCount('assocs 632 LIKE'), 1);
  });

  it('assocCount counts the associations, and caches the count, a count of 0 included', async () => {
    const w = seeded();
    const f = w.f('C', 0);
    expectExactly("assocCount(632, 'COMMENT')", await w.done('assocCount(632, COMMENT)', f.assocCount(632, 'COMMENT')), 4);
    expectExactly("assocCount(632, 'LIKE'), a type with no associations", await w.done('assocCount(632, LIKE)', f.assocCount(632, 'LIKE')), 0);
    const reads = w.store.readCount();
    expectExactly("assocCount(632, 'COMMENT') again", await w.done('assocCount(632, COMMENT) again', f.assocCount(632, 'COMMENT')), 4);
    expectExactly("assocCount(632, 'LIKE') again", await w.done('assocCount(632, LIKE) again', f.assocCount(632, 'LIKE')), 0);
    expectExactly('store reads made by the two repeated counts (they are cached, 0 too)', w.store.readCount() - reads, 0);
  });

  it('one cached list answers every range of it, whatever pos and limit, without another store read', async () => {
    const w = seeded();
    const f = w.f('A', 0);
    await w.done('assocRange(632, COMMENT, 0, 2)', f.assocRange(632, 'COMMENT', 0, 2));
    expectExactly("assocRange(632, 'COMMENT', 2, 2) after (0, 2) was read", assocsText(await w.done('range (2, 2)', f.assocRange(632, 'COMMENT', 2, 2))), assocsText([comment(790, 200), comment(802, 100)]));
    await w.done('range (1, 3)', f.assocRange(632, 'COMMENT', 1, 3));
    await w.done('range (0, 100)', f.assocRange(632, 'COMMENT', 0, 100));
    expectStats('follower A0 after four ranges of one list', f.stats(), 3, 1);
    await w.done('range (3, 1) at follower A1', w.f('A', 1).assocRange(632, 'COMMENT', 3, 1));
    expectStats('leader of A after A1 asked it for a range of the list it holds', w.tao.leaderStats('A'), 1, 1);
    expectExactly("store reads of (632, 'COMMENT') for five ranges of it in one region", w.store.readCount('assocs 632 COMMENT'), 1);
  });

  it('reads reject an id or id1 that is not an integer >= 1, an empty atype, and a pos or limit that is not an integer >= 0, with a RangeError naming it', async () => {
    const w = seeded();
    const f = w.f('A', 0);
    for (const id of [0, -3, 2.5, Number.NaN]) await expectRangeRejection(`getObject(${id})`, () => f.getObject(id), 'id');
    await expectRangeRejection("assocRange(0, 'COMMENT', 0, 10)", () => f.assocRange(0, 'COMMENT', 0, 10), 'id1');
    await expectRangeRejection("assocCount(1.5, 'COMMENT')", () => f.assocCount(1.5, 'COMMENT'), 'id1');
    await expectRangeRejection("assocRange(632, '', 0, 10)", () => f.assocRange(632, '', 0, 10), 'atype');
    await expectRangeRejection("assocCount(632, '')", () => f.assocCount(632, ''), 'atype');
    for (const pos of [-1, 0.5, Number.NaN]) await expectRangeRejection(`assocRange(632, 'COMMENT', ${pos}, 10)`, () => f.assocRange(632, 'COMMENT', pos, 10), 'pos');
    for (const limit of [-1, 2.5, Number.POSITIVE_INFINITY]) await expectRangeRejection(`assocRange(632, 'COMMENT', 0, ${limit})`, () => f.assocRange(632, 'COMMENT', 0, limit), 'limit');
    expectExactly('store reads made by reads with bad arguments', w.store.readCount(), 0);
  });
});

describe('leader and follower tiers', () => {
  it("a follower answers a repeated read from its own cache, and passes a miss to its region's leader", async () => {
    const w = seeded();
    const f = w.f('B', 0);
    await w.done('getObject(105) at B0', f.getObject(105));
    expectStats('follower B0 after its first read', f.stats(), 0, 1);
    expectStats("B's leader after B0's first read", w.tao.leaderStats('B'), 0, 1);
    await w.done('getObject(105) at B0 again', f.getObject(105));
    expectStats('follower B0 after reading object 105 again', f.stats(), 1, 1);
    expectStats("B's leader after B0 read object 105 again (B0 did not ask it)", w.tao.leaderStats('B'), 0, 1);
    await w.done('assocRange at B0', f.assocRange(632, 'COMMENT', 0, 1));
    await w.done('assocRange at B0 again', f.assocRange(632, 'COMMENT', 0, 1));
    await w.done("assocCount(105, 'FRIEND') at B0", f.assocCount(105, 'FRIEND'));
    await w.done("assocCount(105, 'FRIEND') at B0 again", f.assocCount(105, 'FRIEND'));
    expectStats('follower B0 after an object, a range and a count, each read twice', f.stats(), 3, 3);
    expectStats("B's leader after B0 missed once on each", w.tao.leaderStats('B'), 0, 3);
    expectStats('follower B1, which has read nothing', w.tao.follower('B', 1).stats(), 0, 0);
  });

  it("a second follower of the region is filled from the region's leader, without a store read", async () => {
    const w = seeded();
    await w.done('getObject(632) at A0', w.f('A', 0).getObject(632));
    const got = await w.done('getObject(632) at A1', w.f('A', 1).getObject(632));
    expectExactly('getObject(632) at A1', objectText(got), objectText(checkin));
    expectStats('follower A1', w.f('A', 1).stats(), 0, 1);
    expectStats("A's leader after A0 and then A1 read object 632", w.tao.leaderStats('A'), 1, 1);
    expectExactly('store reads for object 632', w.store.readCount('object 632'), 1);
  });

  it('each region has its own leader tier: a read in another region misses there and reads the store', async () => {
    const w = seeded();
    await w.done('getObject(244) at A0', w.f('A', 0).getObject(244));
    await w.done('getObject(244) at C1', w.f('C', 1).getObject(244));
    expectStats("C's leader after C1 read an object that region A has cached", w.tao.leaderStats('C'), 0, 1);
    expectStats("A's leader, which C's read must not reach", w.tao.leaderStats('A'), 0, 1);
    expectExactly('store reads for object 244 after one read in region A and one in region C', w.store.readCount('object 244'), 2);
  });
});

describe('a leader under concurrent misses', () => {
  it('concurrent misses for one object at one leader make a single store read, and every reader gets the object', async () => {
    const w = seeded();
    const reads = [w.f('A', 0).getObject(105), w.f('A', 1).getObject(105), w.f('A', 0).getObject(105)];
    await w.time.advance(4);
    reads.push(w.f('A', 1).getObject(105));
    const got = await w.done('four concurrent getObject(105) in region A', Promise.all(reads));
    got.forEach((o, i) => expectExactly(`read ${i + 1} of object 105`, objectText(o), objectText(alice)));
    expectExactly('store reads of object 105 for four overlapping misses at one leader', w.store.readCount('object 105'), 1);
    expectExactly('store reads of object 105 in flight at once, at most', w.store.maxInFlight.get('object 105'), 1);
  });

  it('concurrent misses for one association list, or one count, make a single store read each', async () => {
    const w = seeded();
    const ranges = [w.f('B', 0).assocRange(632, 'COMMENT', 0, 2), w.f('B', 1).assocRange(632, 'COMMENT', 1, 3), w.f('B', 0).assocRange(632, 'COMMENT', 0, 10)];
    const lists = await w.done('three concurrent ranges of (632, COMMENT) in region B', Promise.all(ranges));
    expectExactly('the third range', assocsText(lists[2]), newestFirstText);
    expectExactly("store reads of (632, 'COMMENT')'s list for three overlapping misses at one leader", w.store.readCount('assocs 632 COMMENT'), 1);
    const counts = await w.done("two concurrent assocCount(105, 'FRIEND') in region C", Promise.all([w.f('C', 0).assocCount(105, 'FRIEND'), w.f('C', 1).assocCount(105, 'FRIEND')]));
    expectExactly('both counts', counts.join(', '), '1, 1');
    const friendReads = w.store.reads.filter((r) => r.key.endsWith('105 FRIEND')).length;
    expectExactly("store reads for (105, 'FRIEND') for two overlapping count misses at one leader", friendReads, 1);
    for (const [key, most] of w.store.maxInFlight) expectExactly(`store reads of ${key} in flight at once, at most`, most, 1);
  });

  it('misses for different keys go to the store side by side, not one after another, and each gets its own answer', async () => {
    const w = seeded({ latencyMs: 10 });
    const finished = new Map<string, unknown>();
    const track = (name: string, p: Promise<unknown>) => p.then((value) => finished.set(name, value));
    void track('getObject(105)', w.f('A', 0).getObject(105));
    void track('getObject(244)', w.f('A', 1).getObject(244));
    void track("assocCount(105, 'FRIEND')", w.f('A', 0).assocCount(105, 'FRIEND'));
    void track("assocCount(632, 'COMMENT')", w.f('A', 1).assocCount(632, 'COMMENT'));
    void track("assocRange(105, 'FRIEND', 0, 5)", w.f('A', 0).assocRange(105, 'FRIEND', 0, 5));
    void track("assocRange(632, 'COMMENT', 0, 1)", w.f('A', 1).assocRange(632, 'COMMENT', 0, 1));
    await w.time.runUntil(10);
    expectExactly(
      'reads finished at t = 10 ms, one store latency after six misses for six different keys were issued at t = 0',
      [...finished.keys()].sort().join(', '),
      "assocCount(105, 'FRIEND'), assocCount(632, 'COMMENT'), assocRange(105, 'FRIEND', 0, 5), assocRange(632, 'COMMENT', 0, 1), getObject(105), getObject(244)",
    );
    expectExactly('getObject(105)', objectText(finished.get('getObject(105)')), objectText(alice));
    expectExactly('getObject(244)', objectText(finished.get('getObject(244)')), objectText(bob));
    expectExactly("assocCount(105, 'FRIEND')", finished.get("assocCount(105, 'FRIEND')"), 1);
    expectExactly("assocCount(632, 'COMMENT')", finished.get("assocCount(632, 'COMMENT')"), 4);
    expectExactly("assocRange(105, 'FRIEND', 0, 5)", assocsText(finished.get("assocRange(105, 'FRIEND', 0, 5)")), assocsText([{ id1: 105, atype: 'FRIEND', id2: 244, time: 50 }]));
    expectExactly("assocRange(632, 'COMMENT', 0, 1)", assocsText(finished.get("assocRange(632, 'COMMENT', 0, 1)")), assocsText([comment(815, 400)]));
  });

  it('a failed store read fails every read waiting for it, is not cached, and the next read asks the store again', async () => {
    const w = seeded();
    w.store.failNext.add('object 244');
    const [a, b] = await w.done('two overlapping getObject(244) in region A', Promise.allSettled([w.f('A', 0).getObject(244), w.f('A', 1).getObject(244)]));
    expectExactly('the first of two overlapping reads whose one store read failed', a.status, 'rejected');
    expectExactly('the second of two overlapping reads whose one store read failed', b.status, 'rejected');
    expectExactly('store reads of object 244 so far', w.store.readCount('object 244'), 1);
    const retry = await w.done('getObject(244) at A0 after the failure', w.f('A', 0).getObject(244));
    expectExactly('getObject(244) after the failed read', objectText(retry), objectText(bob));
    expectExactly('store reads of object 244 after the retry', w.store.readCount('object 244'), 2);
  });
});

/** Reads object 105, the comment list and count of 632 at every follower of every region, so every tier has them cached. */
async function warm(w: World): Promise<void> {
  for (const region of ['A', 'B', 'C']) {
    for (const i of [0, 1]) {
      const f = w.f(region, i);
      await w.done(`warming ${region}${i}`, Promise.all([f.getObject(105), f.assocRange(632, 'COMMENT', 0, 10), f.assocCount(632, 'COMMENT')]));
    }
  }
}

const renamed = (name: string): TaoObject => ({ ...alice, data: { name } });

describe('writes', () => {
  it('a write through the master region reaches the store once, and every follower of that region reads it at once', async () => {
    const w = seeded();
    await warm(w);
    await w.done('putObject(Alice renamed) at A1', w.f('A', 1).putObject(renamed('Alice B.')));
    expectExactly('store writes', w.store.writes.map((c) => `${c.method} ${c.key}`).join('; '), 'putObject object 105');
    expectExactly('the store has the write', objectText(w.store.objects.get(105)), objectText(renamed('Alice B.')));
    for (const i of [0, 1]) {
      expectExactly(`getObject(105) at A${i} right after the write returned`, objectText(await w.done(`getObject(105) at A${i}`, w.f('A', i).getObject(105))), objectText(renamed('Alice B.')));
    }
  });

  it("read-after-write in a region that is not the master: once the write returns, every follower of the writer's region reads it", async () => {
    const w = seeded();
    await warm(w);
    const start = w.time.now();
    await w.done('putObject(Alice renamed) at B1', w.f('B', 1).putObject(renamed('Alice C.')));
    const returned = w.time.now();
    expectExactly('store writes', w.store.writes.map((c) => `${c.method} ${c.key}`).join('; '), 'putObject object 105');
    for (const i of [0, 1]) {
      const got = await w.done(`getObject(105) at B${i}`, w.f('B', i).getObject(105));
      expectExactly(`getObject(105) at B${i}, ${returned - start} ms after B1 issued the write (B's invalidation is due only ${w.channel.lagMs.B} ms after the store write)`, objectText(got), objectText(renamed('Alice C.')));
    }
  });

  it("addAssoc puts the new association in its newest-first place and adds one to the count, in the writer's region", async () => {
    const w = seeded();
    // C0 has read only the count; C1 the count and the list.
    await w.done('assocCount at C0', w.f('C', 0).assocCount(632, 'COMMENT'));
    await w.done('assocCount and assocRange at C1', Promise.all([w.f('C', 1).assocCount(632, 'COMMENT'), w.f('C', 1).assocRange(632, 'COMMENT', 0, 10)]));
    await w.done('addAssoc(632 COMMENT 850 @ 250) at C0', w.f('C', 0).addAssoc(comment(850, 250)));
    const want = assocsText([comment(815, 400), comment(771, 300), comment(850, 250), comment(790, 200), comment(802, 100)]);
    for (const i of [0, 1]) {
      const f = w.f('C', i);
      expectExactly(`assocCount(632, 'COMMENT') at C${i} after the write (it was 4)`, await w.done(`count at C${i}`, f.assocCount(632, 'COMMENT')), 5);
      expectExactly(`assocRange(632, 'COMMENT', 0, 10) at C${i} after the write`, assocsText(await w.done(`range at C${i}`, f.assocRange(632, 'COMMENT', 0, 10))), want);
    }
  });

  it('addAssoc for an (id1, atype, id2) that exists replaces it: it moves to its new time, and the count stays', async () => {
    const w = seeded();
    await warm(w);
    await w.done('addAssoc(632 COMMENT 802 @ 500) at B0', w.f('B', 0).addAssoc(comment(802, 500)));
    const after = (what: string) => `${what}, after 802 was added again at time 500 (it was the oldest, at 100)`;
    const want = assocsText([comment(802, 500), comment(815, 400), comment(771, 300), comment(790, 200)]);
    for (const [region, i] of [['B', 0], ['B', 1], ['A', 0]] as const) {
      const f = w.f(region, i);
      expectExactly(after(`assocRange(632, 'COMMENT', 0, 10) at ${region}${i}`), assocsText(await w.done('range', f.assocRange(632, 'COMMENT', 0, 10))), want);
      expectExactly(after(`assocCount(632, 'COMMENT') at ${region}${i} (still 4 comments)`), await w.done('count', f.assocCount(632, 'COMMENT')), 4);
    }
    await w.done('addAssoc(632 COMMENT 815 @ 50) at B1', w.f('B', 1).addAssoc(comment(815, 50)));
    const oldest = assocsText([comment(802, 500), comment(771, 300), comment(790, 200), comment(815, 50)]);
    for (const [region, i] of [['B', 0], ['B', 1], ['A', 1]] as const) {
      const range = await w.done('range', w.f(region, i).assocRange(632, 'COMMENT', 0, 10));
      expectExactly(`assocRange(632, 'COMMENT', 0, 10) at ${region}${i}, after 815 was added again at time 50, older than all the others`, assocsText(range), oldest);
    }
  });

  it("putObject of an id that was cached as absent makes the object appear in the writer's region", async () => {
    const w = seeded();
    for (const i of [0, 1]) expectExactly(`getObject(900) at B${i}`, objectText(await w.done('getObject(900)', w.f('B', i).getObject(900))), 'undefined');
    const place: TaoObject = { id: 900, otype: 'location', data: { name: 'Golden Gate Bridge' } };
    await w.done('putObject(900) at B0', w.f('B', 0).putObject(place));
    for (const i of [0, 1]) expectExactly(`getObject(900) at B${i} after it was created`, objectText(await w.done('getObject(900)', w.f('B', i).getObject(900))), objectText(place));
  });

  it('a write sends each region other than the master one invalidation naming what changed', async () => {
    const w = seeded({ regions: { A: 1, B: 1, C: 1, D: 1 }, master: 'B', lagMs: { A: 5, B: 5, C: 5, D: 5 } });
    const sent = () => w.channel.sent.map((m) => `${m.region} ${objectText(m.message)}`).sort();
    await w.done('putObject(Alice renamed) at B0', w.f('B', 0).putObject(renamed('Alicia')));
    expectExactly(
      'the invalidations sent for putObject(105) from the master region B',
      sent().join('; '),
      ['A', 'C', 'D'].map((r) => `${r} ${objectText({ kind: 'object', id: 105 })}`).join('; '),
    );
    w.channel.sent.length = 0;
    await w.done('addAssoc(632 COMMENT 880 @ 800) at B0', w.f('B', 0).addAssoc(comment(880, 800)));
    expectExactly(
      "the invalidations sent for addAssoc(632, 'COMMENT', …) from the master region B",
      sent().join('; '),
      ['A', 'C', 'D'].map((r) => `${r} ${objectText({ kind: 'assocs', id1: 632, atype: 'COMMENT' })}`).join('; '),
    );
  });

  it('a write returns as soon as the store has it, without waiting for the invalidations to reach the other regions', async () => {
    const w = seeded({ lagMs: { B: 10_000, C: 10_000 } });
    await warm(w);
    for (const [region, write] of [
      ['A', (f: Follower) => f.putObject(renamed('Al'))],
      ['C', (f: Follower) => f.addAssoc(comment(860, 600))],
    ] as const) {
      const start = w.time.now();
      const outcome = await w.time.settle(write(w.f(region, 0)), start + 5_000);
      expectExactly(`a write from region ${region}, with invalidations taking 10 s to reach the other regions: had it returned 5 s later?`, outcome.settled, true);
      await w.time.runUntil(w.time.now());
    }
  });

  it('writes reject an id, id1 or id2 that is not an integer >= 1, an empty atype, or a time that is not an integer >= 0, with a RangeError naming it, and write nothing', async () => {
    const w = seeded();
    const f = w.f('B', 0);
    await expectRangeRejection('putObject({ id: 0, … })', () => f.putObject({ ...alice, id: 0 }), 'id');
    await expectRangeRejection('addAssoc({ id1: -1, … })', () => f.addAssoc({ ...comment(771, 1), id1: -1 }), 'id1');
    await expectRangeRejection('addAssoc({ id2: 2.5, … })', () => f.addAssoc(comment(2.5, 1)), 'id2');
    await expectRangeRejection("addAssoc({ atype: '', … })", () => f.addAssoc({ ...comment(771, 1), atype: '' }), 'atype');
    await expectRangeRejection('addAssoc({ time: -5, … })', () => f.addAssoc(comment(771, -5)), 'time');
    await expectRangeRejection('addAssoc({ time: NaN, … })', () => f.addAssoc(comment(771, Number.NaN)), 'time');
    await w.time.runUntil(1_000);
    expectExactly('store writes made by writes with bad arguments', w.store.writes.length, 0);
    expectExactly('invalidations sent for writes with bad arguments', w.channel.sent.length, 0);
  });
});

describe('other regions', () => {
  it("until the invalidation arrives, another region's followers keep serving the copy they have", async () => {
    const w = seeded({ lagMs: { B: 100, C: 300 } });
    await warm(w);
    await w.done('putObject(Alice renamed) at B0', w.f('B', 0).putObject(renamed('Alice D.')));
    await w.done('addAssoc(632 COMMENT 870 @ 700) at B0', w.f('B', 0).addAssoc(comment(870, 700)));
    const written = w.time.now();
    await w.time.runUntil(written + 250);
    for (const i of [0, 1]) {
      const f = w.f('C', i);
      const when = `at C${i}, 250 ms after the writes, before C's invalidations (300 ms) arrive`;
      expectExactly(`getObject(105) ${when}`, objectText(await w.done('getObject(105)', f.getObject(105))), objectText(alice));
      expectExactly(`assocRange(632, 'COMMENT', 0, 10) ${when}`, assocsText(await w.done('range', f.assocRange(632, 'COMMENT', 0, 10))), newestFirstText);
      expectExactly(`assocCount(632, 'COMMENT') ${when}`, await w.done('count', f.assocCount(632, 'COMMENT')), 4);
    }
  });

  it('once the invalidation has arrived, no follower of that region serves its old copy', async () => {
    const w = seeded({ lagMs: { B: 100, C: 300 } });
    await warm(w);
    await w.done('putObject(Alice renamed) at B0', w.f('B', 0).putObject(renamed('Alice E.')));
    await w.done('addAssoc(632 COMMENT 880 @ 800) at B0', w.f('B', 0).addAssoc(comment(880, 800)));
    const written = w.store.applied.at(-1)!.at;
    await w.time.runUntil(written + 300);
    const want = assocsText([comment(880, 800), comment(815, 400), comment(771, 300), comment(790, 200), comment(802, 100)]);
    for (const i of [0, 1]) {
      const f = w.f('C', i);
      const when = `at C${i}, 300 ms after the last write, when C's invalidations have arrived`;
      expectExactly(`getObject(105) ${when}`, objectText(await w.done('getObject(105)', f.getObject(105))), objectText(renamed('Alice E.')));
      expectExactly(`assocRange(632, 'COMMENT', 0, 10) ${when}`, assocsText(await w.done('range', f.assocRange(632, 'COMMENT', 0, 10))), want);
      expectExactly(`assocCount(632, 'COMMENT') ${when}`, await w.done('count', f.assocCount(632, 'COMMENT')), 5);
    }
  });

  // The two properties below run random reads, writes and waits, one at a time, in three regions with
  // random lags, and check every read against the store's history. A read that region R issues at time
  // t may be stale, but only so far: it must show every write the store applied at or before t − lag(R)
  // (in the master region lag is 0: its caches are updated as writes are applied), and every write that
  // region R itself made and saw return by t. It must show nothing the store had not applied by the
  // time the read finished.

  it("objects: every read shows every write older than its region's lag and every write its region made, and nothing the store does not have", async () => {
    await fc.assert(fc.asyncProperty(scenario(), (s) => runScenario(s, 'object')), property);
  });

  it("association lists and counts: every read shows every association older than its region's lag and every one its region added, and nothing the store does not have", async () => {
    await fc.assert(fc.asyncProperty(scenario(), (s) => runScenario(s, 'assocs')), property);
  });
});

// ---------------------------------------------------------------------------------------------
// Random scenarios for the two properties
// ---------------------------------------------------------------------------------------------

const REGIONS = ['A', 'B', 'C'] as const;
type Step = { kind: 'read' | 'write'; region: (typeof REGIONS)[number]; follower: number; key: number } | { kind: 'wait'; ms: number };
interface Scenario {
  master: (typeof REGIONS)[number];
  lagMs: Record<string, number>;
  latencyMs: number;
  steps: Step[];
}

function scenario(): fc.Arbitrary<Scenario> {
  const region = fc.constantFrom(...REGIONS);
  const op = (kind: 'read' | 'write') => fc.record({ kind: fc.constant(kind), region, follower: fc.integer({ min: 0, max: 1 }), key: fc.integer({ min: 1, max: 2 }) });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: op('read'), weight: 5 },
    { arbitrary: op('write'), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(1, 10, 40, 150) }), weight: 2 },
  );
  const lag = fc.constantFrom(0, 20, 80, 300);
  return fc.record({
    master: region,
    lagMs: fc.record({ A: lag, B: lag, C: lag }),
    latencyMs: fc.constantFrom(1, 4, 10),
    steps: fc.array(step, { minLength: 1, maxLength: 40 }),
  });
}

/** Runs a scenario on objects 1–2 (each write a new version) or on the lists (1, 'T') and (2, 'T') (each write a new association), checking every read. */
async function runScenario(s: Scenario, on: 'object' | 'assocs'): Promise<void> {
  const w = world({ regions: { A: 2, B: 2, C: 2 }, master: s.master, lagMs: s.lagMs, latencyMs: s.latencyMs });
  const lag = (region: string) => (region === s.master ? 0 : s.lagMs[region]!);
  /** Writes by key: the version (1, 2, …) and the region that made it, with when its write returned. */
  const made = new Map<number, Array<{ version: number; region: string; returned: number }>>();
  let versions = 0;
  /** The versions of `key` the store had applied by `t` (one object's history, or a list's members). */
  const appliedBy = (key: number, t: number): number[] =>
    w.store.applied
      .filter((a) => a.at <= t && (on === 'object' ? a.object?.id === key : a.assoc?.id1 === key))
      .map((a) => (on === 'object' ? Number(a.object!.data.v) : a.assoc!.id2));
  const log: string[] = [];
  for (const step of s.steps) {
    if (step.kind === 'wait') {
      await w.time.advance(step.ms);
      log.push(`wait ${step.ms} ms`);
      continue;
    }
    const f = w.f(step.region, step.follower);
    if (step.kind === 'write') {
      const version = ++versions;
      const what = on === 'object' ? `putObject(${step.key}, v${version})` : `addAssoc(${step.key}, 'T', ${version}, time ${version})`;
      log.push(`t=${w.time.now()}: ${step.region}${step.follower} ${what}`);
      await w.done(what, on === 'object' ? f.putObject({ id: step.key, otype: 'thing', data: { v: String(version) } }) : f.addAssoc({ id1: step.key, atype: 'T', id2: version, time: version }));
      made.set(step.key, [...(made.get(step.key) ?? []), { version, region: step.region, returned: w.time.now() }]);
      continue;
    }
    const issued = w.time.now();
    const mustShow = new Set(appliedBy(step.key, issued - lag(step.region)));
    for (const m of made.get(step.key) ?? []) if (m.region === step.region && m.returned <= issued) mustShow.add(m.version);
    const context = () =>
      `With master ${s.master}, lags ${JSON.stringify(s.lagMs)} ms and store latency ${s.latencyMs} ms, after\n  ${log.join('\n  ')}\n` +
      `a read of ${on === 'object' ? 'object' : 'list'} ${step.key} at ${step.region}${step.follower} issued at t=${issued}`;
    if (on === 'object') {
      const got = await w.done(`getObject(${step.key})`, f.getObject(step.key));
      const finished = w.time.now();
      const version = got === undefined ? 0 : Number(got.data?.v);
      const oldestAllowed = Math.max(0, ...mustShow);
      const newestAllowed = Math.max(0, ...appliedBy(step.key, finished));
      if (!(version >= oldestAllowed && version <= newestAllowed)) {
        throw new Error(`${context()} returned ${got === undefined ? 'undefined (no object)' : `v${version}`}, but it should be v${oldestAllowed} or newer and no newer than v${newestAllowed}, what the store had when the read finished`);
      }
      log.push(`t=${issued}: ${step.region}${step.follower} getObject(${step.key}) → ${got === undefined ? 'undefined' : `v${version}`}`);
    } else {
      const [list, count] = await w.done(`assocRange and assocCount of (${step.key}, 'T')`, Promise.all([f.assocRange(step.key, 'T', 0, 1000), f.assocCount(step.key, 'T')]));
      const finished = w.time.now();
      const ids = (list ?? []).map((a) => a?.id2);
      const allowed = new Set(appliedBy(step.key, finished));
      const missing = [...mustShow].filter((v) => !ids.includes(v));
      const unknown = ids.filter((v) => !allowed.has(v));
      const sorted = ids.every((v, i) => i === 0 || v < ids[i - 1]!);
      if (missing.length || unknown.length || !sorted) {
        throw new Error(
          `${context()} returned the list [${ids.join(', ')}] (id2s; time = id2), but it should hold [${[...mustShow].sort((a, b) => b - a).join(', ')}] at least, ` +
            `nothing outside [${[...allowed].sort((a, b) => b - a).join(', ')}] (what the store had when the read finished), newest first`,
        );
      }
      if (!(count >= mustShow.size && count <= allowed.size)) {
        throw new Error(`${context()} counted ${count} associations, but the count should be at least ${mustShow.size} and at most ${allowed.size}`);
      }
      log.push(`t=${issued}: ${step.region}${step.follower} reads (${step.key}, 'T') → [${ids.join(', ')}], count ${count}`);
    }
  }
}
