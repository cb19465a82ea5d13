/**
 * Leases as memcache uses them (Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013, §3.2.1):
 * the course's model, which the lease-cache lab's reference solution re-exports. Times are in seconds,
 * read from the injected clock.
 *
 * A lease is a token that a get hands out on a miss; the client that holds it loads the value from the
 * database and presents the token with its set. A delete voids the key's lease, so a set carrying a
 * value read before the delete is refused (no stale set); and the cache issues at most one lease per key
 * every `leaseInterval` seconds, so a herd of readers of a missing key gets one loader and many short
 * waits (no thundering herd). Readers told to wait also get the value a delete removed, if any, for
 * those who can live with it.
 */

/** What a get answers. */
export type LeaseGet<V> =
  | { kind: 'hit'; value: V }
  /** Load from the database, then set(key, value, token). */
  | { kind: 'miss'; token: number }
  /** Someone else holds the lease: retry shortly, or use the stale value. */
  | { kind: 'wait'; stale?: V };

/** Where a {@link LeaseCache} reads the time, and how often it may issue a lease per key. */
export interface LeaseCacheOptions {
  now: () => number;
  /** At most one lease per key this often, in seconds. @default 10 */
  leaseInterval?: number;
}

interface Lease {
  token: number;
  issuedAt: number;
}

export class LeaseCache<V> {
  readonly #now: () => number;
  readonly #leaseInterval: number;
  readonly #values = new Map<string, V>();
  /** The value each key's last delete removed, kept until a new value is set. */
  readonly #stale = new Map<string, V>();
  /** Each key's outstanding lease: issued, not yet used by a set, not voided by a delete or replaced. */
  readonly #leases = new Map<string, Lease>();
  /** Tokens count up from 1 across all keys, so none is ever issued twice. */
  #nextToken = 1;

  constructor(options: LeaseCacheOptions) {
    this.#now = options.now;
    this.#leaseInterval = options.leaseInterval ?? 10;
  }

  // #region get
  get(key: string): LeaseGet<V> {
    if (this.#values.has(key)) return { kind: 'hit', value: this.#values.get(key) as V };
    const now = this.#now();
    const lease = this.#leases.get(key);
    if (lease !== undefined && now - lease.issuedAt < this.#leaseInterval) {
      // The value the key's last delete removed, if any (undefined otherwise).
      return { kind: 'wait', stale: this.#stale.get(key) };
    }
    // No lease, or one so old that its holder has probably failed: a fresh token replaces it.
    const token = this.#nextToken++;
    this.#leases.set(key, { token, issuedAt: now });
    return { kind: 'miss', token };
  }
  // #endregion

  // #region set-delete
  set(key: string, value: V, token: number): boolean {
    if (this.#leases.get(key)?.token !== token) return false;
    this.#leases.delete(key);
    this.#values.set(key, value);
    this.#stale.delete(key);
    return true;
  }

  delete(key: string): void {
    if (this.#values.has(key)) {
      this.#stale.set(key, this.#values.get(key) as V);
      this.#values.delete(key);
    }
    // Whoever holds the lease read the database before this delete's write: its set must fail.
    this.#leases.delete(key);
  }
  // #endregion
}
