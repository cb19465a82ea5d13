/**
 * The step-by-step driver behind the TAO lesson's walkthrough: one write — Bob comments on Alice's
 * checkin — travels through three regions of the course's TAO model (src/models/case-studies/tao-cache,
 * the tao-cache lab's reference solution), and at every step each follower tier shows what a read there
 * would return, and which cache or database answered it.
 *
 * Nothing here re-implements the cache. The driver builds the model over an in-memory store that takes
 * STORE_LATENCY_MS per call and a channel that delivers each invalidation after its region's lag, on a
 * virtual clock, and records what the model does through its public API only: when the store has the
 * write, when the write returns, when each invalidation arrives. To show what a read would return at a
 * step without disturbing later steps (a read fills caches), every read is made on a fresh copy of the
 * run, replayed to that step; the hit and miss counts and the store's read count say who answered it.
 */
import { VirtualTime } from '../../../models/common/virtual-time';
import { Tao, type Assoc, type GraphStore, type InvalidationChannel, type TaoObject } from '../../../models/case-studies/tao-cache/tao-cache';

export const REGIONS = ['A', 'B', 'C'] as const;
export type Region = (typeof REGIONS)[number];
export const MASTER: Region = 'A';
export const FOLLOWERS_PER_REGION = 2;
/** How long the store takes to answer, in the model: about a write's average in TAO's master region (12.1 ms). */
export const STORE_LATENCY_MS = 10;
/** The lags the widget offers, in ms: TAO's replicas trailed by under 1 s 85 % of the time, 3 s 99 %, 10 s 99.8 %. */
export const LAG_CHOICES = [100, 500, 1000, 3000, 10_000] as const;

export interface WalkthroughSettings {
  /** The region whose client makes the write (through follower 1 of that region). */
  writer: Region;
  /** How long invalidations take to reach each region other than the master, in ms. */
  lagMs: Record<Exclude<Region, typeof MASTER>, number>;
}

export const DEFAULT_SETTINGS: WalkthroughSettings = { writer: 'B', lagMs: { B: 500, C: 3000 } };

/** The checkin whose comments the run reads, and the comments. */
export const CHECKIN = 632;
const CATHYS_COMMENT: Assoc = { id1: CHECKIN, atype: 'COMMENT', id2: 771, time: 100 };
const BOBS_COMMENT: Assoc = { id1: CHECKIN, atype: 'COMMENT', id2: 790, time: 200 };
/** Who wrote each comment, for the widget's labels. */
export const AUTHORS: Record<number, string> = { 771: 'Cathy', 790: 'Bob' };

export type Answerer = 'follower' | 'leader' | 'database';

/** What a read of the checkin's comments at one follower tier returns. */
export interface ReadResult {
  /** assocCount(632, 'COMMENT'). */
  count: number;
  /** id2 of the newest comment: assocRange(632, 'COMMENT', 0, 1). */
  newest: number;
  /** Who answered: the follower's own cache, its region's leader, or the database. */
  from: Answerer;
  /** True when the database already holds a newer answer. */
  stale: boolean;
}

export type StepKind = 'start' | 'issued' | 'stored' | 'arrived';

export interface WalkthroughStep {
  kind: StepKind;
  /** Virtual time since the write was issued, in ms. */
  t: number;
  /** For "arrived": the region the invalidation reached. */
  region?: Region;
  /** What a read at each follower tier would return now: reads[region][follower]. */
  reads: Record<Region, ReadResult[]>;
  /** Invalidations sent and not yet arrived: where to, and when they arrive (ms since the write). */
  inFlight: Array<{ region: Region; arrives: number }>;
  /** The parts of the picture this step is about, such as "B:follower:0", "A:leader", "A:database". */
  active: string[];
  narration: string;
}

const LAG_SET = new Set<number>(LAG_CHOICES);

export function checkSettings(settings: WalkthroughSettings): void {
  if (!REGIONS.includes(settings.writer)) throw new RangeError(`writer must be one of ${REGIONS.join(', ')} (got ${settings.writer})`);
  for (const region of ['B', 'C'] as const) {
    const lag = settings.lagMs[region];
    if (!LAG_SET.has(lag)) throw new RangeError(`lagMs.${region} must be one of ${LAG_CHOICES.join(', ')} (got ${lag})`);
  }
}

/** An in-memory graph that answers after STORE_LATENCY_MS of virtual time and counts its reads. */
class MemoryStore implements GraphStore {
  readonly #objects = new Map<number, TaoObject>();
  readonly #assocs = new Map<string, Map<number, Assoc>>();
  reads = 0;

  constructor(readonly time: VirtualTime) {}

  #list(id1: number, atype: string): Map<number, Assoc> {
    const key = `${id1}/${atype}`;
    let list = this.#assocs.get(key);
    if (!list) this.#assocs.set(key, (list = new Map()));
    return list;
  }

  #later<T>(answer: () => T): Promise<T> {
    return new Promise((resolve) => this.time.schedule(STORE_LATENCY_MS, () => resolve(answer())));
  }

  seed(assoc: Assoc): void {
    this.#list(assoc.id1, assoc.atype).set(assoc.id2, { ...assoc });
  }

  getObject(id: number): Promise<TaoObject | undefined> {
    this.reads++;
    return this.#later(() => this.#objects.get(id));
  }

  getAssocs(id1: number, atype: string): Promise<Assoc[]> {
    this.reads++;
    return this.#later(() => [...this.#list(id1, atype).values()].map((a) => ({ ...a })));
  }

  countAssocs(id1: number, atype: string): Promise<number> {
    this.reads++;
    return this.#later(() => this.#list(id1, atype).size);
  }

  putObject(object: TaoObject): Promise<void> {
    return this.#later(() => void this.#objects.set(object.id, object));
  }

  addAssoc(assoc: Assoc): Promise<void> {
    return this.#later(() => void this.#list(assoc.id1, assoc.atype).set(assoc.id2, { ...assoc }));
  }

  /** The true answer now (not counted as a read). */
  truth(): { count: number; newest: number } {
    const list = [...this.#list(CHECKIN, 'COMMENT').values()].sort((a, b) => b.time - a.time);
    return { count: list.length, newest: list[0]!.id2 };
  }
}

/** The run's invalidations, as the channel saw them: sent at, arrives at, by region. */
interface Sent {
  region: Region;
  at: number;
  arrives: number;
}

class LaggedChannel implements InvalidationChannel {
  readonly sent: Sent[] = [];

  constructor(
    readonly time: VirtualTime,
    readonly lagMs: WalkthroughSettings['lagMs'],
  ) {}

  send(region: string, _invalidation: unknown): Promise<void> {
    const lag = region === 'B' || region === 'C' ? this.lagMs[region] : 0;
    this.sent.push({ region: region as Region, at: this.time.now(), arrives: this.time.now() + lag });
    return this.time.sleep(lag);
  }
}

/** The run up to a point: `stage` 0 is before the write, 1 just after it returns, 1 + k after the k-th arrival. */
async function runTo(settings: WalkthroughSettings, stage: number) {
  const time = new VirtualTime();
  const store = new MemoryStore(time);
  store.seed(CATHYS_COMMENT);
  const channel = new LaggedChannel(time, settings.lagMs);
  const tao = new Tao({ store, channel, regions: { A: FOLLOWERS_PER_REGION, B: FOLLOWERS_PER_REGION, C: FOLLOWERS_PER_REGION }, masterRegion: MASTER });
  // Warm every cache: each follower tier reads the comment count and the newest comment once.
  for (const region of REGIONS) {
    for (let i = 0; i < FOLLOWERS_PER_REGION; i++) {
      const f = tao.follower(region, i);
      await settled(time, Promise.all([f.assocCount(CHECKIN, 'COMMENT'), f.assocRange(CHECKIN, 'COMMENT', 0, 1)]));
    }
  }
  const start = time.now();
  let stored = start;
  if (stage >= 1) {
    await settled(time, tao.follower(settings.writer, 0).addAssoc(BOBS_COMMENT));
    stored = time.now();
    await time.runUntil(stored);
  }
  const arrivals = [...channel.sent].sort((a, b) => a.arrives - b.arrives || a.region.localeCompare(b.region));
  for (const arrival of arrivals.slice(0, Math.max(0, stage - 1))) await time.runUntil(arrival.arrives);
  return { time, store, channel, tao, start, stored, arrivals };
}

async function settled<T>(time: VirtualTime, promise: Promise<T>): Promise<T> {
  const outcome = await time.settle(promise);
  if (!outcome.settled) throw new Error('walkthrough: a call into the model never finished');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** What a read at `region`'s follower `index` returns at `stage`, read on a fresh copy of the run. */
async function readAt(settings: WalkthroughSettings, stage: number, region: Region, index: number): Promise<ReadResult> {
  const { time, store, tao } = await runTo(settings, stage);
  const f = tao.follower(region, index);
  const [followerHits, leaderHits, storeReads] = [f.stats().hits, tao.leaderStats(region).hits, store.reads];
  const [count, range] = await settled(time, Promise.all([f.assocCount(CHECKIN, 'COMMENT'), f.assocRange(CHECKIN, 'COMMENT', 0, 1)]));
  const from: Answerer = store.reads > storeReads ? 'database' : tao.leaderStats(region).hits > leaderHits ? 'leader' : 'follower';
  if (from === 'follower' && f.stats().hits - followerHits !== 2) throw new Error('walkthrough: a read was answered by nobody');
  const truth = store.truth();
  const newest = range[0]!.id2;
  return { count, newest, from, stale: count !== truth.count || newest !== truth.newest };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const seconds = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
const others = (region: Region) => REGIONS.filter((r) => r !== region);
const list = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function narrate(kind: StepKind, settings: WalkthroughSettings, region?: Region, t?: number, last?: boolean): string {
  const { writer } = settings;
  switch (kind) {
    case 'start':
      return (
        `Every cache in every region holds the comments on checkin ${CHECKIN}: one, by Cathy. Region ${MASTER} is the master: its leader is the one that writes to the database. ` +
        `In this run a user in region ${writer} adds Bob's comment; invalidations take ${seconds(settings.lagMs.B)} to reach B and ${seconds(settings.lagMs.C)} to reach C.`
      );
    case 'issued':
      return writer === MASTER
        ? `The user's write goes to the nearest follower tier, ${writer}1, which passes it to ${writer}'s leader, the master. Nothing has changed anywhere yet.`
        : `The user's write goes to the nearest follower tier, ${writer}1, which passes it to ${writer}'s leader; that leader forwards it to the leader of region ${MASTER}, the master. Nothing has changed anywhere yet.`;
    case 'stored': {
      const back =
        writer === MASTER
          ? `The write returns to the user.`
          : `The answer goes back to ${writer}'s leader, which applies the change to its cache and its followers, and the write returns: every reader in ${writer} sees Bob's comment.`;
      const stale = others(MASTER).filter((r) => r !== writer);
      return (
        `After ${STORE_LATENCY_MS} ms the database has the write. ${MASTER}'s leader updates its cache and ${MASTER}'s followers, and sends an invalidation to ${list(others(MASTER))}. ${back}` +
        (stale.length ? ` Region ${list(stale)} still serves the old answer from its caches.` : '')
      );
    }
    case 'arrived': {
      const lag = settings.lagMs[region as 'B' | 'C'];
      const base =
        `At ${t} ms, ${seconds(lag)} after the database took the write, the invalidation reaches region ${region}. ` +
        `In TAO it rides the database's replication stream, so it arrives when ${region}'s copy of the database has the write.`;
      const what =
        region === writer
          ? ` ${region} already shows the write, so dropping its copies only costs a refill from the database.`
          : ` ${region}'s leader and followers drop their copies; the next read there misses and fetches Bob's comment.`;
      return base + what + (last ? ' Every region now gives the same answer: the caches are consistent again, eventually.' : '');
    }
  }
}

/** Runs the write through the model and returns every step, with what a read at each follower returns. */
export async function buildWalkthrough(settings: WalkthroughSettings = DEFAULT_SETTINGS): Promise<WalkthroughStep[]> {
  checkSettings(settings);
  const full = await runTo(settings, 1);
  const since = (at: number) => at - full.start;
  const arrivals = full.arrivals.filter((a) => a.region !== MASTER);
  const stages: Array<{ kind: StepKind; stage: number; t: number; region?: Region }> = [
    { kind: 'start', stage: 0, t: 0 },
    { kind: 'issued', stage: 0, t: 0 },
    { kind: 'stored', stage: 1, t: since(full.stored) },
    ...arrivals.map((a, k) => ({ kind: 'arrived' as const, stage: 2 + k, t: since(a.arrives), region: a.region })),
  ];
  const steps: WalkthroughStep[] = [];
  for (const [n, { kind, stage, t, region }] of stages.entries()) {
    const reads = {} as Record<Region, ReadResult[]>;
    for (const r of REGIONS) {
      reads[r] = [];
      for (let i = 0; i < FOLLOWERS_PER_REGION; i++) reads[r].push(await readAt(settings, stage, r, i));
    }
    const inFlight = stage === 0 ? [] : arrivals.slice(stage - 1).map((a) => ({ region: a.region, arrives: since(a.arrives) }));
    steps.push({
      kind,
      t,
      ...(region ? { region } : {}),
      reads,
      inFlight,
      active: activeParts(kind, settings.writer, region),
      narration: narrate(kind, settings, region, t, n === stages.length - 1),
    });
  }
  return steps;
}

function activeParts(kind: StepKind, writer: Region, region?: Region): string[] {
  switch (kind) {
    case 'start':
      return [];
    case 'issued':
      return [`${writer}:follower:0`, `${writer}:leader`, `${MASTER}:leader`];
    case 'stored':
      return [`${MASTER}:database`, ...REGIONS.filter((r) => r === MASTER || r === writer).flatMap((r) => [`${r}:leader`, `${r}:follower:0`, `${r}:follower:1`])];
    case 'arrived':
      return [`${region}:leader`, `${region}:follower:0`, `${region}:follower:1`];
  }
}

/** The label of a comment, "Bob's (790)". */
export const commentLabel = (id2: number): string => `${AUTHORS[id2] ?? 'unknown'}'s`;

/** A read's answer as the widget words it: "2 comments, newest Bob's". */
export function answerText(read: ReadResult): string {
  return `${plural(read.count, 'comment')}, newest ${commentLabel(read.newest)}`;
}
