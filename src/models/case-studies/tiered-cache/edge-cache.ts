/**
 * One data center's cache in front of an upstream — the origin, or an upper tier — as the tiered-cache
 * lab specifies it: freshness from edgeDecision's rules, an `age` on every copy it serves, request
 * collapsing per path, stale-while-revalidate and stale-if-error, all on an injected clock. An EdgeCache
 * is itself an Upstream, so caches stack into tiers (tiered-cdn.ts).
 */
import type { Clock } from '../../common/clock';
import { freshness } from './edge-decision';

/** A response as the caches pass it around. Header names are lower-case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Whatever a cache asks on a miss: the origin, or an upper tier. `fetch` always resolves; a failure
 * comes back as a response with an error status (500, 502, 503 or 504).
 */
export interface Upstream {
  fetch(path: string): Promise<HttpResponse>;
}

/** How an edge answered, in the words of Cloudflare's `cf-cache-status` header. */
export type CacheStatus = 'HIT' | 'MISS' | 'EXPIRED' | 'UPDATING' | 'STALE';

/** An edge's answer: the response, and how it was obtained. */
export interface EdgeResponse extends HttpResponse {
  cache: CacheStatus;
}

/** Options of an {@link EdgeCache}. */
export interface EdgeCacheOptions {
  /** Where misses go. */
  upstream: Upstream;
  /** Where the time comes from, in ms. */
  clock: Clock;
}

/** Whether RFC 5861 §4 counts `status` as an error. */
const isError = (status: number): boolean => [500, 502, 503, 504].includes(status);

/** A stored copy and the moments (ms) that bound what may be done with it. */
interface Copy {
  response: HttpResponse;
  /** When it arrived, and its age then in seconds. */
  receivedAt: number;
  ageAtReceipt: number;
  /** Fresh before this moment; stale from it on. */
  freshUntil: number;
  /** It may be served stale while revalidating before this moment, or when the upstream fails before that one. */
  staleWhileRevalidateUntil: number;
  staleIfErrorUntil: number;
}

/**
 * A cache for one data center. `fetch(path)`:
 * - a fresh copy: HIT, answered at once;
 * - a stale copy less than staleWhileRevalidate seconds past its freshness: UPDATING, answered at once
 *   with the stale copy, while one background fetch (unless one for the path is already in flight)
 *   refreshes it;
 * - otherwise it asks the upstream — or, when a fetch for the path is already in flight, waits for that
 *   one (request collapsing) — and answers with what comes back: MISS when it had no copy, EXPIRED when
 *   it had a stale one. When what comes back is an error and the stale copy is less than staleIfError
 *   seconds past its freshness, it answers with the stale copy instead: STALE.
 * A copy served from the cache carries `age`: its current age in whole seconds. A response is stored,
 * replacing the path's copy, when edgeDecision says it is storable and it is not an error. A response
 * that turns out not to be storable is not handed to the requests that waited for it: each of them asks
 * the upstream for its own, without collapsing.
 */
export class EdgeCache implements Upstream {
  readonly #upstream: Upstream;
  readonly #clock: Clock;
  readonly #copies = new Map<string, Copy>();
  readonly #inFlight = new Map<string, Promise<HttpResponse>>();

  constructor(options: EdgeCacheOptions) {
    if (typeof options.upstream?.fetch !== 'function') throw new TypeError('upstream must be an object with a fetch(path) method');
    if (typeof options.clock?.now !== 'function') throw new TypeError('clock must be an object with a now() method');
    this.#upstream = options.upstream;
    this.#clock = options.clock;
  }

  async fetch(path: string): Promise<EdgeResponse> {
    const now = this.#clock.now();
    const copy = this.#copies.get(path);
    if (copy && now < copy.freshUntil) return this.#serve(copy, 'HIT');
    if (copy && now < copy.staleWhileRevalidateUntil) {
      if (!this.#inFlight.has(path)) void this.#startFetch(path);
      return this.#serve(copy, 'UPDATING');
    }
    // #region collapse
    const joined = this.#inFlight.get(path);
    let response = await (joined ?? this.#startFetch(path));
    if (joined && !freshness(response.status, response.headers, this.#clock.now()).storable) {
      // Not ours to share (private, say): this request asks for its own.
      response = await this.#upstream.fetch(path);
      this.#store(path, response);
    }
    // #endregion
    if (copy && isError(response.status) && this.#clock.now() < copy.staleIfErrorUntil) return this.#serve(copy, 'STALE');
    return { ...response, headers: { ...response.headers }, cache: copy ? 'EXPIRED' : 'MISS' };
  }

  /** Asks the upstream for `path`, as the one fetch in flight for it; stores what comes back. */
  #startFetch(path: string): Promise<HttpResponse> {
    const pending = this.#upstream.fetch(path).then((response) => {
      this.#inFlight.delete(path);
      this.#store(path, response);
      return response;
    });
    this.#inFlight.set(path, pending);
    return pending;
  }

  #store(path: string, response: HttpResponse): void {
    const now = this.#clock.now();
    const decision = freshness(response.status, response.headers, now);
    if (!decision.storable || isError(response.status)) return;
    const freshUntil = now + (decision.lifetime - decision.age) * 1000;
    this.#copies.set(path, {
      response,
      receivedAt: now,
      ageAtReceipt: decision.age,
      freshUntil,
      staleWhileRevalidateUntil: freshUntil + decision.staleWhileRevalidate * 1000,
      staleIfErrorUntil: freshUntil + decision.staleIfError * 1000,
    });
  }

  #serve(copy: Copy, cache: CacheStatus): EdgeResponse {
    const age = Math.floor(copy.ageAtReceipt + (this.#clock.now() - copy.receivedAt) / 1000);
    return { status: copy.response.status, headers: { ...copy.response.headers, age: String(age) }, body: copy.response.body, cache };
  }
}
