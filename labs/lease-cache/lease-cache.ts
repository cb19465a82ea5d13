/**
 * Lab: Lease cache: memcache's leases.
 *
 * Build the leases of "Scaling Memcache at Facebook" (Nishtala et al., NSDI 2013, §3.2.1): a cache that
 * hands a token to the one reader of a missing key who should load it from the database, refuses a set
 * whose token a delete has voided (no stale sets), tells the other readers of that key to wait rather
 * than stampede, and offers them the deleted value meanwhile. Then run `npm run grade lease-cache`.
 *
 * Times are in seconds, read from `options.now()` (the tests move it by hand); never Date.now.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 */

/** What a get answers. */
export type LeaseGet<V> =
  | { kind: 'hit'; value: V }
  | { kind: 'miss'; token: number } // load from the database, then set(key, value, token)
  | { kind: 'wait'; stale?: V }; // someone else holds the lease: retry shortly, or use the stale value

/** The options of a {@link LeaseCache}. */
export interface LeaseCacheOptions {
  /** The current time, in seconds. */
  now: () => number;
  /** At most one lease per key this often, in seconds. @default 10 */
  leaseInterval?: number;
}

/**
 * A get on a key with a value is a hit. On a miss, if the key's latest lease was issued less than
 * `leaseInterval` seconds ago and is still outstanding, the answer is `wait`; otherwise a new lease is
 * issued: a fresh token, never used before for any key, which replaces any older one for that key.
 * `set` stores the value and returns true only when `token` is the key's outstanding lease; the lease is
 * then used up. `delete` removes the value and voids the key's outstanding lease, so a set with that
 * token returns false (no stale set); the deleted value is kept as the `stale` value of `wait` answers
 * for that key until a new value is set.
 *
 * A lease stays outstanding until a set uses it, a delete voids it, or a newer lease replaces it; time
 * alone does not void it (it only allows a newer lease to be issued). A set that returns false changes
 * nothing.
 */
export class LeaseCache<V> {
  constructor(options: LeaseCacheOptions) {
    // TODO: keep the options (leaseInterval is 10 when left out).
    throw new Error('not implemented: LeaseCache');
  }

  /** A hit, a miss with a lease token, or an answer to wait (with the deleted value, if there is one). */
  get(key: string): LeaseGet<V> {
    // TODO
    throw new Error('not implemented: LeaseCache.get');
  }

  /** Stores `value` if `token` is the key's outstanding lease, using the lease up; says whether it did. */
  set(key: string, value: V, token: number): boolean {
    // TODO
    throw new Error('not implemented: LeaseCache.set');
  }

  /** Removes the value (keeping it as the stale value) and voids the key's outstanding lease. */
  delete(key: string): void {
    // TODO
    throw new Error('not implemented: LeaseCache.delete');
  }
}
