/**
 * A TAO-style graph cache across regions: the course's model of the cache described in Bronson et al.,
 * "TAO: Facebook's Distributed Data Store for the Social Graph" (USENIX ATC 2013), §§ 3–4.
 *
 * The graph is objects (typed nodes) and associations (typed, timed edges). Each region has one leader
 * tier and some follower tiers; in this model a tier is a single cache (as if the graph had one shard).
 * Clients talk to a follower. A follower answers from its cache or asks its region's leader; a leader
 * answers from its cache or asks the store, never with two store reads for one key in flight at once.
 * Writes go follower → leader → the master region's leader, which writes to the store, updates the caches
 * of its region and of the writer's region on the way back, and sends invalidations to every other
 * region through the channel, whose delay stands for replication lag.
 *
 * This module is the reference solution of the `tao-cache` lab and the engine of the lesson's
 * walkthrough (src/components/widgets/case-studies/tao-walkthrough.ts), so the page and the grader agree
 * by construction. It reads no clock: time passes only inside the store and the channel it is given.
 */

/** A node of the graph: a user, a checkin, a comment, a place. */
export interface TaoObject {
  /** Unique across all objects: an integer >= 1. */
  id: number;
  /** The object's type, such as 'user' or 'checkin'. */
  otype: string;
  /** The object's fields. */
  data: Record<string, string>;
}

/** A typed, directed edge from `id1` to `id2`, stamped with a time. */
export interface Assoc {
  id1: number;
  /** The association's type, such as 'COMMENT' or 'FRIEND'. */
  atype: string;
  id2: number;
  /** An integer >= 0; larger is newer. Association lists are sorted by it, newest first. */
  time: number;
}

/** The database behind the caches. Every method takes time and may fail (its promise rejects). */
export interface GraphStore {
  /** The object with this id, or undefined if there is none. */
  getObject(id: number): Promise<TaoObject | undefined>;
  /** Every association of type `atype` from `id1`, in no particular order. */
  getAssocs(id1: number, atype: string): Promise<Assoc[]>;
  /** How many associations of type `atype` leave `id1`. */
  countAssocs(id1: number, atype: string): Promise<number>;
  /** Creates or replaces the object with `object.id`. */
  putObject(object: TaoObject): Promise<void>;
  /** Adds the association, or replaces the one with the same id1, atype and id2. */
  addAssoc(assoc: Assoc): Promise<void>;
}

/** What changed: an object, or the association list and count of (id1, atype). */
export type Invalidation = { kind: 'object'; id: number } | { kind: 'assocs'; id1: number; atype: string };

/** How the master region's leader reaches the other regions. */
export interface InvalidationChannel {
  /** Sends `invalidation` to `region`; the promise resolves when it has arrived there. */
  send(region: string, invalidation: Invalidation): Promise<void>;
}

export interface TaoOptions {
  store: GraphStore;
  channel: InvalidationChannel;
  /** The regions, each with its number of follower tiers (an integer >= 1). */
  regions: Record<string, number>;
  /** The region whose leader writes to the store: one of `regions`. */
  masterRegion: string;
}

/** Reads a cache answered itself (hits) and reads it passed on (misses). */
export interface CacheStats {
  hits: number;
  misses: number;
}

/** One follower tier: the API clients use. */
export interface Follower {
  getObject(id: number): Promise<TaoObject | undefined>;
  /** The associations of (id1, atype), newest first, at positions pos, pos + 1, …, pos + limit − 1. */
  assocRange(id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]>;
  assocCount(id1: number, atype: string): Promise<number>;
  putObject(object: TaoObject): Promise<void>;
  addAssoc(assoc: Assoc): Promise<void>;
  stats(): CacheStats;
}

/** A write the master region's leader has stored, as the caches on its way back apply it. */
type Change = { kind: 'object'; object: TaoObject } | { kind: 'assoc'; assoc: Assoc };

const listKey = (id1: number, atype: string): string => JSON.stringify([id1, atype]);
const copyObject = (object: TaoObject): TaoObject => ({ ...object, data: { ...object.data } });
const copyAssoc = (assoc: Assoc): Assoc => ({ ...assoc });

/** Throws a RangeError naming `name` unless `value` is an integer >= `min`. */
function integerAtLeast(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`${name} must be an integer >= ${min} (got ${value})`);
}

function checkId(name: string, value: number): void {
  integerAtLeast(name, value, 1);
}

function checkAtype(atype: string): void {
  if (atype === '') throw new RangeError('atype must be a non-empty string (got "")');
}

/** `list` (newest first) with `assoc` in its place by time, replacing any association to the same id2. */
export function withAssoc(list: readonly Assoc[], assoc: Assoc): Assoc[] {
  const rest = list.filter((a) => a.id2 !== assoc.id2);
  const at = rest.findIndex((a) => a.time < assoc.time);
  return at < 0 ? [...rest, assoc] : [...rest.slice(0, at), assoc, ...rest.slice(at)];
}

/** Sorts associations newest first. */
export const newestFirst = (assocs: readonly Assoc[]): Assoc[] => [...assocs].sort((a, b) => b.time - a.time);

/** What one cache holds: objects (an absent object is cached too), whole association lists, and counts. */
class Cache {
  readonly objects = new Map<number, TaoObject | undefined>();
  readonly lists = new Map<string, Assoc[]>();
  readonly counts = new Map<string, number>();
  hits = 0;
  misses = 0;

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses };
  }

  /** Applies a write the master has stored; a count it cannot work out is dropped, to be read again. */
  apply(change: Change): void {
    if (change.kind === 'object') {
      this.objects.set(change.object.id, change.object);
      return;
    }
    const key = listKey(change.assoc.id1, change.assoc.atype);
    const list = this.lists.get(key);
    if (list) {
      const updated = withAssoc(list, change.assoc);
      this.lists.set(key, updated);
      this.counts.set(key, updated.length);
    } else {
      this.counts.delete(key);
    }
  }

  /** Forgets what an invalidation names. */
  drop(invalidation: Invalidation): void {
    if (invalidation.kind === 'object') {
      this.objects.delete(invalidation.id);
    } else {
      const key = listKey(invalidation.id1, invalidation.atype);
      this.lists.delete(key);
      this.counts.delete(key);
    }
  }
}

/**
 * Answers from `entries` if it holds `key` (a hit), else counts a miss and fetches. An entry holding
 * `undefined` is a cached answer too: an object known to be absent.
 */
function readThrough<K, V>(cache: Cache, entries: Map<K, V>, key: K, fetch: () => Promise<V>): Promise<V> {
  if (entries.has(key)) {
    cache.hits++;
    return Promise.resolve(entries.get(key) as V);
  }
  cache.misses++;
  return fetch().then((value) => {
    entries.set(key, value);
    return value;
  });
}

class Leader {
  readonly cache = new Cache();
  readonly followers: FollowerTier[] = [];
  /** Store reads in flight, by key: a miss for a key already being read waits for that read. */
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(
    readonly region: string,
    readonly cluster: Tao,
    readonly store: GraphStore,
  ) {}

  getObject(id: number): Promise<TaoObject | undefined> {
    return readThrough(this.cache, this.cache.objects, id, () => this.#query(`object ${id}`, () => this.store.getObject(id)));
  }

  getList(id1: number, atype: string): Promise<Assoc[]> {
    const key = listKey(id1, atype);
    return readThrough(this.cache, this.cache.lists, key, () =>
      this.#query(`list ${key}`, () => this.store.getAssocs(id1, atype).then(newestFirst)),
    );
  }

  getCount(id1: number, atype: string): Promise<number> {
    const key = listKey(id1, atype);
    return readThrough(this.cache, this.cache.counts, key, () => this.#query(`count ${key}`, () => this.store.countAssocs(id1, atype)));
  }

  // #region pending
  /** One store read per key at a time: later misses for the key share the read already in flight. */
  #query<V>(key: string, read: () => Promise<V>): Promise<V> {
    const inFlight = this.#pending.get(key);
    if (inFlight) return inFlight as Promise<V>;
    const done = read().then(
      (value) => {
        this.#pending.delete(key);
        return value;
      },
      (error: unknown) => {
        this.#pending.delete(key);
        throw error;
      },
    );
    this.#pending.set(key, done);
    return done;
  }
  // #endregion pending

  // #region write
  /**
   * A write from one of this region's followers, or forwarded by another region's leader. Resolves once
   * the store has it and this region's caches show it; other regions learn of it through the channel.
   */
  async write(change: Change): Promise<void> {
    const master = this.cluster.leaderOf(this.cluster.masterRegion);
    if (this !== master) {
      await master.write(change);
    } else {
      await (change.kind === 'object' ? this.store.putObject(change.object) : this.store.addAssoc(change.assoc));
      this.#invalidateOtherRegions(change);
    }
    this.applyHere(change);
  }

  /** The changeset: this leader and every follower of its region show the write at once. */
  applyHere(change: Change): void {
    this.cache.apply(change);
    for (const follower of this.followers) follower.cache.apply(change);
  }

  #invalidateOtherRegions(change: Change): void {
    const invalidation: Invalidation =
      change.kind === 'object' ? { kind: 'object', id: change.object.id } : { kind: 'assocs', id1: change.assoc.id1, atype: change.assoc.atype };
    for (const region of this.cluster.regions) {
      if (region === this.region) continue;
      void this.cluster.channel.send(region, invalidation).then(() => this.cluster.leaderOf(region).arrive(invalidation));
    }
  }
  // #endregion write

  /** An invalidation has arrived: the leader and every follower of the region forget what it names. */
  arrive(invalidation: Invalidation): void {
    this.cache.drop(invalidation);
    for (const follower of this.followers) follower.cache.drop(invalidation);
  }
}

class FollowerTier implements Follower {
  readonly cache = new Cache();

  constructor(readonly leader: Leader) {}

  async getObject(id: number): Promise<TaoObject | undefined> {
    checkId('id', id);
    const object = await readThrough(this.cache, this.cache.objects, id, () => this.leader.getObject(id));
    return object && copyObject(object);
  }

  async assocRange(id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]> {
    checkId('id1', id1);
    checkAtype(atype);
    integerAtLeast('pos', pos, 0);
    integerAtLeast('limit', limit, 0);
    const key = listKey(id1, atype);
    const list = await readThrough(this.cache, this.cache.lists, key, () => this.leader.getList(id1, atype));
    return list.slice(pos, pos + limit).map(copyAssoc);
  }

  async assocCount(id1: number, atype: string): Promise<number> {
    checkId('id1', id1);
    checkAtype(atype);
    const key = listKey(id1, atype);
    return readThrough(this.cache, this.cache.counts, key, () => this.leader.getCount(id1, atype));
  }

  async putObject(object: TaoObject): Promise<void> {
    checkId('id', object.id);
    await this.leader.write({ kind: 'object', object: copyObject(object) });
  }

  async addAssoc(assoc: Assoc): Promise<void> {
    checkId('id1', assoc.id1);
    checkAtype(assoc.atype);
    checkId('id2', assoc.id2);
    integerAtLeast('time', assoc.time, 0);
    await this.leader.write({ kind: 'assoc', assoc: copyAssoc(assoc) });
  }

  stats(): CacheStats {
    return this.cache.stats();
  }
}

/** TAO in miniature: a leader tier and follower tiers in each region, over one store. */
export class Tao {
  readonly masterRegion: string;
  readonly regions: readonly string[];
  readonly channel: InvalidationChannel;
  readonly #leaders = new Map<string, Leader>();

  constructor(options: TaoOptions) {
    const { store, channel, regions, masterRegion } = options;
    const names = Object.keys(regions);
    if (!names.length) throw new RangeError('regions must name at least one region (got none)');
    for (const name of names) integerAtLeast(`regions.${name}`, regions[name]!, 1);
    if (!names.includes(masterRegion)) {
      throw new RangeError(`masterRegion must be one of the region names (got ${JSON.stringify(masterRegion)})`);
    }
    this.masterRegion = masterRegion;
    this.regions = names;
    this.channel = channel;
    for (const name of names) {
      const leader = new Leader(name, this, store);
      for (let i = 0; i < regions[name]!; i++) leader.followers.push(new FollowerTier(leader));
      this.#leaders.set(name, leader);
    }
  }

  /** Follower tier `index` (from 0) of `region`. */
  follower(region: string, index: number): Follower {
    const followers = this.leaderOf(region).followers;
    if (!(Number.isInteger(index) && index >= 0 && index < followers.length)) {
      throw new RangeError(`index must be an integer >= 0 and < ${followers.length}, the follower tiers of region ${region} (got ${index})`);
    }
    return followers[index]!;
  }

  /** The hits and misses of `region`'s leader tier. */
  leaderStats(region: string): CacheStats {
    return this.leaderOf(region).cache.stats();
  }

  /** @internal The leader tier of `region`. */
  leaderOf(region: string): Leader {
    const leader = this.#leaders.get(region);
    if (!leader) throw new RangeError(`region must be one of this Tao's regions (got ${JSON.stringify(region)})`);
    return leader;
  }
}
