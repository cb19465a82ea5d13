/**
 * What a shared cache (a CDN's edge) may do with a response to a GET, read from its headers as RFC 9111
 * (HTTP Caching) and RFC 5861 (stale-while-revalidate, stale-if-error) say. The tiered-cache lab's
 * `edgeDecision` and the course's edge cache (edge-cache.ts) and CDN simulation all decide here.
 *
 * Choices where the RFCs leave room (stated in the lab's starter too):
 *   - a shared cache, always: `s-maxage` counts and `private` forbids storing;
 *   - no heuristic freshness (RFC 9111 §4.2.2 allows it; this cache never uses it);
 *   - invalid or duplicated freshness information makes the response stale (§4.2.1 allows either that
 *     or trusting the first occurrence);
 *   - current age = max(0, now − Date, Age): §4.2.3 with the response received at `now`;
 *   - `staleWhileRevalidate` and `staleIfError` are the lengths of windows that open when freshness
 *     ends, whenever that was; they are 0 when `no-cache`, `must-revalidate`, `proxy-revalidate` or
 *     `s-maxage` forbid a shared cache to serve the response stale (§4.2.4, §5.2.2).
 */

/** The decision of a shared cache about one response (the lab's contract, word for word). */
export interface EdgeDecision {
  /** May a shared cache store this response at all. */
  storable: boolean;
  /** Seconds it may be served without asking the origin, from `now`: freshness lifetime minus current age, never below 0. */
  freshFor: number;
  /** Seconds past freshness it may still be served while revalidating (0 when absent or not allowed). */
  staleWhileRevalidate: number;
  /** Seconds past freshness it may be served when the origin fails (0 when absent or not allowed). */
  staleIfError: number;
}

/**
 * The same decision with the two numbers `freshFor` is made of, for a cache that keeps the response:
 * freshness ends `lifetime − age` seconds after `now`, which is in the past for a response that arrived stale.
 */
export interface Freshness extends EdgeDecision {
  /** The freshness lifetime in seconds (0 when there is none, or it is invalid). */
  lifetime: number;
  /** The response's current age in seconds when it was received. */
  age: number;
}

/**
 * Whether RFC 9110 §15.1 defines `status` as heuristically cacheable: without explicit freshness, a
 * response with such a status may still be stored (RFC 9111 §3).
 */
export function heuristicallyCacheable(status: number): boolean {
  return [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501].includes(status);
}

// #region directives
/**
 * The directives of a Cache-Control field value: each name, lower-cased (names are case-insensitive,
 * RFC 9111 §5.2), with the value of every occurrence (undefined for one without `=`). Values stay as
 * sent; `deltaSeconds` accepts the token and the quoted-string forms.
 */
export function cacheControlDirectives(value: string | undefined): Map<string, (string | undefined)[]> {
  const directives = new Map<string, (string | undefined)[]>();
  if (value === undefined) return directives;
  // A quoted value with a comma inside would be cut in two here; no directive this cache reads has one.
  for (const part of value.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).toLowerCase();
    const argument = eq < 0 ? undefined : item.slice(eq + 1);
    directives.set(name, [...(directives.get(name) ?? []), argument]);
  }
  return directives;
}

/**
 * The seconds of a directive that takes delta-seconds, in either form (`60` or `"60"`), from the values
 * of its occurrences; undefined when it is absent, appears more than once, or its value is not a whole
 * number of seconds.
 */
export function deltaSeconds(values: (string | undefined)[] | undefined): number | undefined {
  const match = values?.length === 1 ? /^(?:(\d+)|"(\d+)")$/.exec(String(values[0])) : null;
  return match ? Number(match[1] ?? match[2]) : undefined;
}
// #endregion

/** An HTTP-date in its preferred form (`Sun, 06 Nov 1994 08:49:37 GMT`) in ms since the epoch, or undefined. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined || !value.endsWith(' GMT')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The decision with its lifetime and age, for a response received at `now` (ms since the epoch). */
export function freshness(status: number, headers: Record<string, string>, now: number): Freshness {
  const cc = cacheControlDirectives(headers['cache-control']);
  const has = (name: string): boolean => cc.has(name);
  const seconds = (name: string): number => deltaSeconds(cc.get(name)) ?? 0;

  // #region storable
  const explicit = has('s-maxage') || has('max-age') || headers.expires !== undefined;
  const storable = !has('no-store') && !has('private') && (explicit || has('public') || heuristicallyCacheable(status));
  // #endregion

  // #region lifetime
  // RFC 9111 §4.2.1: the first that applies. Invalid or repeated values count as 0 (stale); so does an
  // Expires that is not a date (§5.3: "already expired"). No explicit freshness: 0, no heuristics.
  const date = parseHttpDate(headers.date) ?? now;
  let lifetime = 0;
  if (has('s-maxage')) lifetime = seconds('s-maxage');
  else if (has('max-age')) lifetime = seconds('max-age');
  else if (headers.expires !== undefined) lifetime = ((parseHttpDate(headers.expires) ?? 0) - date) / 1000;
  if (has('no-cache')) lifetime = 0;
  // #endregion

  // #region age
  // RFC 9111 §4.2.3 for a response received at `now`: the apparent age from Date, the Age field
  // (ignored unless it is a whole number of seconds, §5.1), and the larger of the two.
  const age = Math.max(0, (now - date) / 1000, deltaSeconds([headers.age]) ?? 0);
  // #endregion

  // #region stale
  const staleForbidden = has('no-cache') || has('must-revalidate') || has('proxy-revalidate') || has('s-maxage');
  const stale = (name: string): number => (staleForbidden ? 0 : seconds(name));
  // #endregion

  // For a response that may not be stored the numbers are moot: nothing is kept to serve.
  return {
    storable,
    freshFor: Math.max(0, lifetime - age),
    staleWhileRevalidate: stale('stale-while-revalidate'),
    staleIfError: stale('stale-if-error'),
    lifetime,
    age,
  };
}

/**
 * The decision of a shared (CDN) cache for a response to a GET, per RFC 9111 and RFC 5861. Header
 * names are lower-case; `now` is in ms since the epoch.
 */
export function edgeDecision(status: number, headers: Record<string, string>, now: number): EdgeDecision {
  const { storable, freshFor, staleWhileRevalidate, staleIfError } = freshness(status, headers, now);
  return { storable, freshFor, staleWhileRevalidate, staleIfError };
}
