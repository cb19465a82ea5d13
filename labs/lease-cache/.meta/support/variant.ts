// A second, plain LeaseCache in which every rule is a small method, so that each file in mistakes/ can
// break exactly one rule by overriding one method. (The course's model keeps its state in private
// fields, which a subclass cannot reach.) With nothing overridden it behaves like the reference.
import { type LeaseCacheOptions, type LeaseGet } from '../solution';

export interface Lease {
  token: number;
  issuedAt: number;
}

export class VariantLeaseCache<V> {
  protected readonly now: () => number;
  protected readonly leaseInterval: number;
  protected readonly values = new Map<string, V>();
  protected readonly stale = new Map<string, V>();
  protected readonly leases = new Map<string, Lease>();
  protected nextToken = 1;

  constructor(options: LeaseCacheOptions) {
    this.now = options.now;
    this.leaseInterval = this.intervalOf(options);
  }

  protected intervalOf(options: LeaseCacheOptions): number {
    return options.leaseInterval ?? 10;
  }

  /** Whether the outstanding `lease` still makes other readers of `key` wait at `now`. */
  protected blocks(lease: Lease, now: number): boolean {
    return now - lease.issuedAt < this.leaseInterval;
  }

  protected issue(key: string, now: number): number {
    const token = this.nextToken++;
    this.leases.set(key, { token, issuedAt: now });
    return token;
  }

  protected waitAnswer(key: string): LeaseGet<V> {
    return this.stale.has(key) ? { kind: 'wait', stale: this.stale.get(key) as V } : { kind: 'wait' };
  }

  get(key: string): LeaseGet<V> {
    if (this.values.has(key)) return { kind: 'hit', value: this.values.get(key) as V };
    const now = this.now();
    const lease = this.leases.get(key);
    if (lease !== undefined && this.blocks(lease, now)) return this.waitAnswer(key);
    return { kind: 'miss', token: this.issue(key, now) };
  }

  /** Whether `token` may set `key` now. */
  protected accepts(key: string, token: number): boolean {
    return this.leases.get(key)?.token === token;
  }

  protected useUp(key: string): void {
    this.leases.delete(key);
  }

  set(key: string, value: V, token: number): boolean {
    if (!this.accepts(key, token)) return false;
    this.useUp(key);
    this.values.set(key, value);
    this.stale.delete(key);
    return true;
  }

  /** Keeps the value a delete removed (or finds none) as the key's stale value. */
  protected keepStale(key: string): void {
    if (this.values.has(key)) this.stale.set(key, this.values.get(key) as V);
  }

  protected voidLease(key: string): void {
    this.leases.delete(key);
  }

  delete(key: string): void {
    this.keepStale(key);
    this.values.delete(key);
    this.voidLease(key);
  }
}
