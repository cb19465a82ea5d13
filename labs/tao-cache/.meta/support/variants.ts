// A second, plain implementation of the tao-cache lab in which every rule is a small method of one
// class, so that each file in mistakes/ can break exactly one rule by overriding one method. (The
// course's model keeps its state in private fields and small classes, which a subclass cannot reach.)
// With no method overridden it behaves like the reference; the option checks are the reference's own.
import { Tao as ReferenceTao, type Assoc, type CacheStats, type Follower, type GraphStore, type Invalidation, type InvalidationChannel, type TaoObject, type TaoOptions } from '../solution';

export type Change = { kind: 'object'; object: TaoObject } | { kind: 'assoc'; assoc: Assoc };

export class VariantCache {
  readonly objects = new Map<string, TaoObject | undefined>();
  readonly lists = new Map<string, Assoc[]>();
  readonly counts = new Map<string, number>();
  hits = 0;
  misses = 0;
}

export interface LeaderState {
  cache: VariantCache;
  /** Store reads in flight, by key. */
  pending: Map<string, Promise<unknown>>;
  /** The end of the chain of store reads, for variants that run them one at a time. */
  tail: Promise<unknown>;
}

export const listKey = (id1: number, atype: string): string => `${id1}/${atype}`;
const objectKey = (id: number): string => String(id);

function integerAtLeast(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`${name} must be an integer >= ${min} (got ${value})`);
}

function checkAtype(atype: string): void {
  if (atype === '') throw new RangeError('atype must be a non-empty string');
}

export class VariantTao {
  protected readonly store: GraphStore;
  protected readonly channel: InvalidationChannel;
  protected readonly master: string;
  protected readonly regionNames: string[];
  protected readonly leaders = new Map<string, LeaderState>();
  protected readonly followerCaches = new Map<string, VariantCache[]>();

  constructor(options: TaoOptions) {
    new ReferenceTao(options);
    this.store = options.store;
    this.channel = options.channel;
    this.master = options.masterRegion;
    this.regionNames = Object.keys(options.regions);
    for (const region of this.regionNames) {
      this.leaders.set(region, { cache: new VariantCache(), pending: new Map(), tail: Promise.resolve() });
      this.followerCaches.set(region, Array.from({ length: options.regions[region]! }, () => new VariantCache()));
    }
  }

  follower(region: string, index: number): Follower {
    const caches = this.followerCaches.get(region);
    if (!caches) throw new RangeError(`region must be one of ${this.regionNames.join(', ')} (got ${region})`);
    if (!(Number.isInteger(index) && index >= 0 && index < caches.length)) throw new RangeError(`index must be an integer from 0 to ${caches.length - 1} (got ${index})`);
    return new VariantFollower(this, region, index);
  }

  leaderStats(region: string): CacheStats {
    if (!this.leaders.has(region)) throw new RangeError(`region must be one of ${this.regionNames.join(', ')} (got ${region})`);
    const { cache } = this.leaderOf(region);
    return { hits: cache.hits, misses: cache.misses };
  }

  followerStats(region: string, index: number): CacheStats {
    const cache = this.followerCaches.get(region)![index]!;
    return { hits: cache.hits, misses: cache.misses };
  }

  // ----- rules of reading -----

  /** The leader tier that serves `region`. */
  protected leaderOf(region: string): LeaderState {
    return this.leaders.get(region)!;
  }

  /** Whether `entries` holds an answer for `key` (an absent object, an empty list and a count of 0 are answers). */
  protected holds<V>(entries: Map<string, V>, key: string): boolean {
    return entries.has(key);
  }

  /** Whether a follower keeps what its leader gave it. */
  protected followerKeeps(): boolean {
    return true;
  }

  /** Whether a leader keeps what the store gave it. */
  protected leaderKeeps(): boolean {
    return true;
  }

  /** The key under which a follower keeps the list a range reads. */
  protected followerListKey(id1: number, atype: string, _pos: number, _limit: number): string {
    return listKey(id1, atype);
  }

  /** A list from the store, in the order the cache keeps it. */
  protected sortList(assocs: Assoc[]): Assoc[] {
    return [...assocs].sort((a, b) => b.time - a.time);
  }

  /** The part of a cached list a range returns. */
  protected sliceRange(list: Assoc[], pos: number, limit: number): Assoc[] {
    return list.slice(pos, pos + limit);
  }

  /** Runs a store read for `key` at a leader, sharing one already in flight. */
  protected query<V>(leader: LeaderState, key: string, read: () => Promise<V>): Promise<V> {
    const inFlight = leader.pending.get(key);
    if (inFlight) return inFlight as Promise<V>;
    const done = read().then(
      (value) => {
        this.finished(leader, key, true);
        return value;
      },
      (error: unknown) => {
        this.finished(leader, key, false);
        throw error;
      },
    );
    leader.pending.set(key, done);
    return done;
  }

  /** A store read for `key` has finished (ok is false when it failed). */
  protected finished(leader: LeaderState, key: string, _ok: boolean): void {
    leader.pending.delete(key);
  }

  async leaderRead<V>(region: string, kind: 'objects' | 'lists' | 'counts', key: string, read: () => Promise<V>): Promise<V> {
    const leader = this.leaderOf(region);
    const entries = leader.cache[kind] as Map<string, V>;
    if (this.holds(entries, key)) {
      leader.cache.hits++;
      return entries.get(key) as V;
    }
    leader.cache.misses++;
    const value = await this.query(leader, `${kind} ${key}`, read);
    if (this.leaderKeeps()) entries.set(key, value);
    return value;
  }

  async followerRead<V>(region: string, index: number, kind: 'objects' | 'lists' | 'counts', key: string, fromLeader: () => Promise<V>): Promise<V> {
    const cache = this.followerCaches.get(region)![index]!;
    const entries = cache[kind] as Map<string, V>;
    if (this.holds(entries, key)) {
      cache.hits++;
      return entries.get(key) as V;
    }
    cache.misses++;
    const value = await fromLeader();
    if (this.followerKeeps()) entries.set(key, value);
    return value;
  }

  getObject(region: string, index: number, id: number): Promise<TaoObject | undefined> {
    const key = objectKey(id);
    return this.followerRead(region, index, 'objects', key, () => this.leaderRead(region, 'objects', key, () => this.store.getObject(id)));
  }

  async assocRange(region: string, index: number, id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]> {
    const key = listKey(id1, atype);
    const list = await this.followerRead(region, index, 'lists', this.followerListKey(id1, atype, pos, limit), () =>
      this.leaderRead(region, 'lists', key, () => this.store.getAssocs(id1, atype).then((assocs) => this.sortList(assocs))),
    );
    return this.sliceRange(list, pos, limit).map((a) => ({ ...a }));
  }

  assocCount(region: string, index: number, id1: number, atype: string): Promise<number> {
    const key = listKey(id1, atype);
    return this.followerRead(region, index, 'counts', key, () => this.leaderRead(region, 'counts', key, () => this.store.countAssocs(id1, atype)));
  }

  // ----- rules of writing -----

  /** The region whose leader writes to the store. */
  protected coordinator(_writer: string): string {
    return this.master;
  }

  /** What a write updates in `region` when it comes back: the leader, and which followers. */
  protected updatedIn(_region: string, _writer: number | undefined): { leader: boolean; followers: 'all' | number[] } {
    return { leader: true, followers: 'all' };
  }

  /** Applies a stored write to one cache. */
  protected applyChange(cache: VariantCache, change: Change): void {
    if (change.kind === 'object') {
      cache.objects.set(objectKey(change.object.id), change.object);
      return;
    }
    const key = listKey(change.assoc.id1, change.assoc.atype);
    const list = cache.lists.get(key);
    if (list) {
      const updated = this.sortList([...list.filter((a) => a.id2 !== change.assoc.id2), change.assoc]);
      cache.lists.set(key, updated);
      cache.counts.set(key, updated.length);
    } else {
      cache.counts.delete(key);
    }
  }

  protected applyIn(region: string, change: Change, writer: number | undefined): void {
    const { leader, followers } = this.updatedIn(region, writer);
    if (leader) this.applyChange(this.leaderOf(region).cache, change);
    const caches = this.followerCaches.get(region)!;
    caches.forEach((cache, i) => {
      if (followers === 'all' || followers.includes(i)) this.applyChange(cache, change);
    });
  }

  /** Sends the invalidations of a stored write to every region but `from`; the promises settle on arrival. */
  protected sendInvalidations(from: string, invalidation: Invalidation): Promise<void>[] {
    return this.regionNames
      .filter((region) => region !== from)
      .map((region) => this.channel.send(region, invalidation).then(() => this.arrive(region, invalidation)));
  }

  /** Whether a write waits for its invalidations to arrive before it returns. */
  protected waitsForInvalidations(): boolean {
    return false;
  }

  /** Drops what an invalidation names from one cache. */
  protected dropEntries(cache: VariantCache, invalidation: Invalidation): void {
    if (invalidation.kind === 'object') {
      cache.objects.delete(objectKey(invalidation.id));
    } else {
      cache.lists.delete(listKey(invalidation.id1, invalidation.atype));
      cache.counts.delete(listKey(invalidation.id1, invalidation.atype));
    }
  }

  /** An invalidation arrives in `region`. */
  protected arrive(region: string, invalidation: Invalidation): void {
    this.dropEntries(this.leaderOf(region).cache, invalidation);
    for (const cache of this.followerCaches.get(region)!) this.dropEntries(cache, invalidation);
  }

  async write(region: string, index: number, change: Change): Promise<void> {
    const coordinator = this.coordinator(region);
    await (change.kind === 'object' ? this.store.putObject(change.object) : this.store.addAssoc(change.assoc));
    this.applyIn(coordinator, change, region === coordinator ? index : undefined);
    const invalidation: Invalidation =
      change.kind === 'object' ? { kind: 'object', id: change.object.id } : { kind: 'assocs', id1: change.assoc.id1, atype: change.assoc.atype };
    const arrivals = this.sendInvalidations(coordinator, invalidation);
    if (this.waitsForInvalidations()) await Promise.all(arrivals);
    if (region !== coordinator) this.applyIn(region, change, index);
  }
}

class VariantFollower implements Follower {
  constructor(
    readonly tao: VariantTao,
    readonly region: string,
    readonly index: number,
  ) {}

  async getObject(id: number): Promise<TaoObject | undefined> {
    integerAtLeast('id', id, 1);
    const object = await this.tao.getObject(this.region, this.index, id);
    return object && { ...object, data: { ...object.data } };
  }

  async assocRange(id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]> {
    integerAtLeast('id1', id1, 1);
    checkAtype(atype);
    integerAtLeast('pos', pos, 0);
    integerAtLeast('limit', limit, 0);
    return this.tao.assocRange(this.region, this.index, id1, atype, pos, limit);
  }

  async assocCount(id1: number, atype: string): Promise<number> {
    integerAtLeast('id1', id1, 1);
    checkAtype(atype);
    return this.tao.assocCount(this.region, this.index, id1, atype);
  }

  async putObject(object: TaoObject): Promise<void> {
    integerAtLeast('id', object.id, 1);
    await this.tao.write(this.region, this.index, { kind: 'object', object: { ...object, data: { ...object.data } } });
  }

  async addAssoc(assoc: Assoc): Promise<void> {
    integerAtLeast('id1', assoc.id1, 1);
    checkAtype(assoc.atype);
    integerAtLeast('id2', assoc.id2, 1);
    integerAtLeast('time', assoc.time, 0);
    await this.tao.write(this.region, this.index, { kind: 'assoc', assoc: { ...assoc } });
  }

  stats(): CacheStats {
    return this.tao.followerStats(this.region, this.index);
  }
}
