/**
 * Lab: a TAO-style graph cache across regions.
 *
 * Build a read-through cache of a social graph, in the shape of Facebook's TAO: objects and association
 * lists; in each region a leader tier and follower tiers; writes that go to the master region's leader;
 * invalidations that reach the other regions late. Then run `npm run grade tao-cache`.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` and `map.get(k)`
 * may be undefined).
 *
 * Your code never reads a clock and never uses timers (no setTimeout): time passes only inside the
 * store and the channel you are given. The tests give you a store that answers after a delay and counts
 * what it is asked, and a channel that delivers each message after its region's delay, both on a
 * virtual clock. Every method of a follower returns a promise.
 *
 * Simplifications, compared with TAO (the lesson lists them too):
 * - each tier is one cache (TAO spreads a tier over many servers, one per shard);
 * - caches keep everything: nothing is evicted, so nothing is read twice unless it was invalidated;
 * - one store stands for the database of every region, so a leader that misses reads the current data;
 * - within a region, updates reach every follower at once; only other regions learn late, through the
 *   channel;
 * - every message is an invalidation (TAO refills association lists instead of dropping them).
 *
 * Bad arguments make a method throw, or reject with, a RangeError whose message names the argument, for
 * example `new RangeError('pos must be an integer >= 0 (got -1)')`, before anything is read or written.
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
  /** An integer >= 1. */
  id1: number;
  /** The association's type, such as 'COMMENT' or 'FRIEND': a non-empty string. */
  atype: string;
  /** An integer >= 1. */
  id2: number;
  /** An integer >= 0; larger is newer. Association lists are sorted by it, newest first (ties in any order). */
  time: number;
}

/** The database behind the caches (the tests supply one). Every method takes time, and a read may fail (its promise rejects). */
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

/** What a write changed: an object, or the association list and count of (id1, atype). */
export type Invalidation = { kind: 'object'; id: number } | { kind: 'assocs'; id1: number; atype: string };

/** How the master region's leader reaches the other regions (the tests supply one). */
export interface InvalidationChannel {
  /** Sends `invalidation` to `region`; the promise resolves when it has arrived there, after that region's lag. */
  send(region: string, invalidation: Invalidation): Promise<void>;
}

export interface TaoOptions {
  store: GraphStore;
  channel: InvalidationChannel;
  /** The regions, each with its number of follower tiers (an integer >= 1), e.g. `{ A: 2, B: 2 }`. */
  regions: Record<string, number>;
  /** The region whose leader writes to the store: one of `regions`. */
  masterRegion: string;
}

/** Reads a cache answered from its own entries (hits), and reads it had to pass on (misses). */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * One follower tier: the API clients use.
 *
 * Reads. A follower caches three kinds of entry: objects by id (an id with no object is cached too, as
 * absent), whole association lists by (id1, atype), and counts by (id1, atype). A read it can answer
 * from an entry is a hit. Any other read is a miss: the follower asks its region's leader for the entry,
 * keeps it, and answers. A leader works the same way, except that on a miss it asks the store:
 * `getObject`, `getAssocs` (the whole list, which it keeps sorted newest first, so that every range of
 * that list is a hit afterwards) or `countAssocs` (a count may also be answered from a list the cache
 * holds). A failed store read is not cached: the reads waiting for it reject with its error.
 *
 * No overlapping queries: a leader never has two store reads for the same key in flight at once. A
 * miss for a key whose store read is in flight waits for that read and shares its answer. No read
 * waits for the store read of another key.
 *
 * Writes. A follower passes a write to its region's leader; a leader of another region passes it on to
 * the master region's leader, which writes it to the store (once). When the store has it, the master
 * leader updates (or drops) what it changed in its own cache and in every follower of its region, and
 * sends one invalidation through the channel to each other region; on the way back, the writer's
 * region's leader does the same for its region. So once a write's promise resolves, every follower of
 * the writer's region and of the master region reads the new data. The write does not wait for the
 * invalidations to arrive.
 *
 * Invalidations. When one arrives in a region (its `send` promise resolves), the region's leader and
 * every one of its followers drop what it names: the object, or both the list and the count.
 */
export interface Follower {
  /** The object with this id (an integer >= 1), or undefined if there is none. */
  getObject(id: number): Promise<TaoObject | undefined>;
  /**
   * The associations of (id1, atype) at positions pos, pos + 1, …, pos + limit − 1 of its list, newest
   * first; fewer (or none) past the end. `pos` and `limit` are integers >= 0.
   */
  assocRange(id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]>;
  /** How many associations of type `atype` leave `id1`. */
  assocCount(id1: number, atype: string): Promise<number>;
  /** Creates or replaces an object, through the master region. */
  putObject(object: TaoObject): Promise<void>;
  /** Adds an association (or replaces the one with the same id1, atype and id2), through the master region. */
  addAssoc(assoc: Assoc): Promise<void>;
  /** This follower's hits and misses so far: every getObject, assocRange and assocCount is one or the other. */
  stats(): CacheStats;
}

// A suggested structure (keep it or not; the tests see only the exports): a class for a leader tier,
// with its cache, its region's followers and its store reads in flight, and a class for a follower
// tier that implements Follower and holds its leader. Tao builds one leader per region, and its followers.

/** TAO in miniature: in each region a leader tier and follower tiers, over one store. */
export class Tao {
  /**
   * Builds every region's leader and followers. Throws a RangeError naming `regions` when there are
   * none or a follower count is not an integer >= 1, and naming `masterRegion` when it is not a region.
   */
  constructor(options: TaoOptions) {
    // TODO: check the options, then build one leader per region and its follower tiers.
    throw new Error('not implemented: Tao');
  }

  /** Follower tier `index` (0, 1, …) of `region`; a RangeError naming `region` or `index` if there is no such tier. */
  follower(region: string, index: number): Follower {
    // TODO
    throw new Error('not implemented: Tao.follower');
  }

  /** The hits and misses of `region`'s leader tier so far; a RangeError naming `region` if there is no such region. */
  leaderStats(region: string): CacheStats {
    // TODO
    throw new Error('not implemented: Tao.leaderStats');
  }
}
