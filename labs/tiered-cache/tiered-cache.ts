/**
 * Lab: a tiered edge cache.
 *
 * Build what a CDN data center does with the origin's responses, in three steps:
 *   1. `edgeDecision`: read a response's headers as a shared cache must (RFC 9111, RFC 5861);
 *   2. `EdgeCache`: one data center's cache, with request collapsing, stale-while-revalidate and
 *      stale-if-error, on an injected clock;
 *   3. `tieredCdn`: lower tiers that ask upper tiers, and upper tiers that ask the origin.
 * Then run `npm run grade tiered-cache`.
 *
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: `array[i]` may be undefined).
 * Time is never read from Date.now: the caches read the `clock` they are given (in ms), and the tests
 * give them a clock they move by hand. Header names are always lower-case.
 */

/** A source of the current time, in milliseconds. */
export interface Clock {
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// 1. What a shared cache may do with a response
// ---------------------------------------------------------------------------------------------

export interface EdgeDecision {
  storable: boolean;             // may a shared cache store this response at all
  freshFor: number;              // seconds it may be served without asking the origin, from `now`: freshness lifetime minus current age, never below 0
  staleWhileRevalidate: number;  // seconds past freshness it may still be served while revalidating (0 when absent or not allowed)
  staleIfError: number;          // seconds past freshness it may be served when the origin fails (0 when absent or not allowed)
}

/**
 * The decision of a shared (CDN) cache for a response to a GET, per RFC 9111 and RFC 5861. Header
 * names are lower-case; `now` is in ms since the epoch.
 *
 * - Freshness lifetime, the first that applies (RFC 9111 §4.2.1): `s-maxage`, then `max-age`, then
 *   `Expires` minus `Date` (minus `now` when there is no `Date`). An `Expires` that is not a date
 *   (`0`, say) means already expired (§5.3). Dates come in the form `Sun, 06 Nov 1994 08:49:37 GMT`.
 * - Current age (§4.2.3, the response being received at `now`): the larger of `now − Date` (0 if
 *   negative or without `Date`) and the `Age` field, in seconds (an `Age` that is not a whole number
 *   of seconds is ignored, §5.1).
 * - Directive names are case-insensitive (`Max-Age=60`), values may be quoted (`max-age="60"`).
 * - Invalid or duplicate freshness information (`max-age=1.5`, `max-age=abc`, two `max-age`) is
 *   treated as stale: `freshFor` 0 (§4.2.1 allows this or using the first one; this lab chooses stale).
 * - `no-cache`: storable, but `freshFor` 0 and nothing served stale.
 * - No heuristic freshness: without `s-maxage`, `max-age` or `Expires`, `freshFor` is 0. Such a
 *   response is storable only if its status is one RFC 9110 §15.1 calls heuristically cacheable
 *   (200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501) or it is marked `public` (RFC 9111 §3).
 *   With explicit freshness, any status may be stored.
 * - Never storable at a shared cache: `no-store`, `private`.
 * - Serving stale is not allowed (§4.2.4) with `no-cache`, `must-revalidate`, `proxy-revalidate`, or
 *   `s-maxage` (which implies proxy-revalidate for a shared cache, §5.2.2.10): then
 *   `staleWhileRevalidate` and `staleIfError` are 0 whatever the directives say.
 * - `staleWhileRevalidate` and `staleIfError` are the lengths of windows that open when freshness ends.
 *   (For a response that arrives already stale, that moment is in the past; the tests do not look at
 *   that case, nor at the other numbers of a response that is not storable.)
 * - Unknown directives are ignored.
 *
 * @example edgeDecision(200, { 'cache-control': 'max-age=600, stale-while-revalidate=30', age: '100' }, now)
 *   // → { storable: true, freshFor: 500, staleWhileRevalidate: 30, staleIfError: 0 }
 */
export function edgeDecision(status: number, headers: Record<string, string>, now: number): EdgeDecision {
  // TODO: read the Cache-Control directives, then decide.
  throw new Error('not implemented: edgeDecision');
}

// ---------------------------------------------------------------------------------------------
// 2. One data center's cache
// ---------------------------------------------------------------------------------------------

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

/**
 * The cache of one data center, in front of an upstream. It is an Upstream itself, so caches stack.
 *
 * A stored copy is fresh while its age is below its freshness lifetime: from the moment it arrives
 * (`clock.now()` then), for `freshFor` seconds as edgeDecision gives them. From the end of freshness,
 * it may be served stale while revalidating for less than `staleWhileRevalidate` seconds, and instead
 * of an upstream error for less than `staleIfError` seconds.
 *
 * `fetch(path)` answers:
 * - HIT: a fresh copy, at once, without asking the upstream.
 * - UPDATING: a stale copy inside its stale-while-revalidate window, at once; meanwhile one fetch from
 *   the upstream refreshes the copy in the background — unless a fetch for the path is in flight already.
 * - Otherwise it asks the upstream and answers with what comes back: MISS if it had no copy of the path,
 *   EXPIRED if it had a stale one. But if what comes back is an error (500, 502, 503 or 504) and the
 *   stale copy is inside its stale-if-error window at that moment, it answers with the stale copy: STALE.
 *
 * A copy served from the cache (HIT, UPDATING, STALE) has the status, headers and body that were stored,
 * with the `age` header set to the copy's current age in whole seconds (rounded down): its age when it
 * arrived plus the time since. A response from the upstream is passed on as it came.
 *
 * Storing: a response from the upstream (including a background refresh) replaces the path's copy when
 * edgeDecision says it is storable and its status is not an error. Other responses leave the copy alone.
 *
 * Request collapsing (a "cache lock"): at most one request per path goes upstream from this cache at a
 * time. A request that would ask the upstream while a fetch for the same path is in flight waits for that
 * fetch and answers with its response instead — except when that response is not storable (it may be
 * private to whoever asked): then each request that waited asks the upstream for its own, and these
 * requests are not collapsed.
 *
 * Bad options: a missing `upstream.fetch` or `clock.now` throws a TypeError naming `upstream` or `clock`.
 */
export class EdgeCache implements Upstream {
  constructor(options: EdgeCacheOptions) {
    // TODO: check the options and keep them.
    throw new Error('not implemented: EdgeCache');
  }

  /** The answer for `path`; see the class comment. Resolves at once for HIT and UPDATING. */
  fetch(path: string): Promise<EdgeResponse> {
    // TODO
    throw new Error('not implemented: EdgeCache.fetch');
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Two tiers
// ---------------------------------------------------------------------------------------------

/** Options of {@link tieredCdn}. */
export interface TieredCdnOptions {
  /** The origin: only the upper tiers ask it. */
  origin: Upstream;
  /** The clock every cache reads. */
  clock: Clock;
  /** How many lower-tier data centers: an integer >= 1, else a RangeError naming `lowerTiers`. */
  lowerTiers: number;
  /** How many upper-tier data centers: an integer >= 1, else a RangeError naming `upperTiers`. */
  upperTiers: number;
}

/** The caches of a two-tier CDN; visitors' requests go to the lower tiers. */
export interface TieredCdn {
  lower: EdgeCache[];
  upper: EdgeCache[];
}

/**
 * Builds a two-tier CDN: `lowerTiers` EdgeCaches whose misses go to an upper tier, and `upperTiers`
 * EdgeCaches whose misses go to the origin. Lower tiers never ask the origin themselves.
 *
 * Each path belongs to exactly one upper tier, chosen from the path alone (a hash of it, say), so that
 * every lower tier asks that same upper tier for it; and the paths are spread over the upper tiers, so
 * that each of them holds some (the tests request 30 paths over 3 upper tiers).
 */
export function tieredCdn(options: TieredCdnOptions): TieredCdn {
  // TODO
  throw new Error('not implemented: tieredCdn');
}
