// A second, plain implementation of the tiered-cache lab in which each rule can be broken on its own,
// so that each file in mistakes/ breaks exactly one rule. With no slip and no method overridden, each
// behaves like the reference (the course's models keep their state in private fields, which a
// subclass cannot reach, and read Cache-Control in one expression, which no flag can bend).
import { EdgeCache as ReferenceCache, type CacheStatus, type EdgeDecision, type EdgeResponse, type HttpResponse, type Upstream, type TieredCdn, type TieredCdnOptions, type EdgeCacheOptions } from '../solution';
import type { Clock } from '../../../../src/models/common/clock';

// ---------------------------------------------------------------------------------------------
// edgeDecision
// ---------------------------------------------------------------------------------------------

/** The rules a classic wrong edgeDecision breaks, one per mistake. */
export interface Slips {
  /** Directive names compared as sent: `Max-Age` is not max-age. */
  caseSensitiveNames?: boolean;
  /** `max-age="60"` is not a number. */
  quotedValuesRejected?: boolean;
  /** The first of two max-age directives is used. */
  duplicatesTrusted?: boolean;
  /** `max-age=1.5` read as 1 (parseInt), `max-age=abc` as absent. */
  lenientNumbers?: boolean;
  /** s-maxage not read at all. */
  sMaxageIgnored?: boolean;
  /** Expires − Date wins over max-age. */
  expiresBeforeMaxAge?: boolean;
  /** Expires − now, the edge's clock, instead of Expires − Date. */
  expiresMinusNow?: boolean;
  /** An Expires that is not a date (0) ignored, as if there were none... then read by Date.parse. */
  expiresParsedLeniently?: boolean;
  /** no-cache ignored for freshness. */
  noCacheStillFresh?: boolean;
  /** no-cache treated as no-store. */
  noCacheNotStorable?: boolean;
  /** 10% of Date − Last-Modified when there is no explicit freshness. */
  heuristicFreshness?: boolean;
  /** The Age field ignored. */
  ageFieldIgnored?: boolean;
  /** Date ignored for the age. */
  dateAgeIgnored?: boolean;
  /** Age and now − Date added up. */
  agesAdded?: boolean;
  /** freshFor = lifetime − age even when that is negative. */
  noClamp?: boolean;
  /** private ignored by the shared cache. */
  privateIgnored?: boolean;
  /** no-store ignored. */
  noStoreIgnored?: boolean;
  /** public does not make anything storable. */
  publicIgnored?: boolean;
  /** Any status is storable. */
  anyStatusStorable?: boolean;
  /** Only the heuristic list or public make a response storable; explicit freshness does not. */
  explicitFreshnessIgnoredForStoring?: boolean;
  /** must-revalidate does not stop stale serving. */
  mustRevalidateIgnored?: boolean;
  /** proxy-revalidate does not stop stale serving. */
  proxyRevalidateIgnored?: boolean;
  /** s-maxage does not stop stale serving. */
  sMaxageAllowsStale?: boolean;
  /** no-cache does not stop stale serving. */
  noCacheAllowsStale?: boolean;
  /** stale-if-error read into staleWhileRevalidate and the other way round. */
  windowsSwapped?: boolean;
}

const HEURISTIC = new Set([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]);

function parseDirectives(value: string | undefined, slips: Slips): Map<string, (string | undefined)[]> {
  const map = new Map<string, (string | undefined)[]>();
  for (const part of (value ?? '').split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    const sent = eq < 0 ? item : item.slice(0, eq);
    const name = slips.caseSensitiveNames ? sent : sent.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), eq < 0 ? undefined : item.slice(eq + 1)]);
  }
  return map;
}

function seconds(values: (string | undefined)[] | undefined, slips: Slips): number | undefined {
  if (!values) return undefined;
  if (values.length !== 1 && !slips.duplicatesTrusted) return undefined;
  let raw = values[0] ?? '';
  if (!slips.quotedValuesRejected && /^"\d+"$/.test(raw)) raw = raw.slice(1, -1);
  if (slips.lenientNumbers) {
    const n = Number.parseInt(raw, 10);
    return Number.isNaN(n) ? undefined : n;
  }
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function httpDate(value: string | undefined, lenient = false): number | undefined {
  if (value === undefined || (!lenient && !value.endsWith(' GMT'))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** edgeDecision with some rules broken. */
export function variantDecision(status: number, headers: Record<string, string>, now: number, slips: Slips = {}): EdgeDecision {
  const cc = parseDirectives(headers['cache-control'], slips);
  const has = (name: string) => cc.has(name);
  const sMaxage = slips.sMaxageIgnored ? undefined : cc.get('s-maxage');
  const maxAge = cc.get('max-age');
  const expires = headers.expires;

  const explicit = (sMaxage !== undefined || maxAge !== undefined || expires !== undefined) && !slips.explicitFreshnessIgnoredForStoring;
  const noStore = has('no-store') && !slips.noStoreIgnored;
  const priv = has('private') && !slips.privateIgnored;
  const pub = has('public') && !slips.publicIgnored;
  const storable =
    !noStore && !priv && !(slips.noCacheNotStorable && has('no-cache')) && (explicit || pub || HEURISTIC.has(status) || !!slips.anyStatusStorable);

  const date = httpDate(headers.date) ?? now;
  const fromExpires = (): number => ((httpDate(expires, slips.expiresParsedLeniently) ?? 0) - (slips.expiresMinusNow ? now : date)) / 1000;
  let lifetime = 0;
  if (slips.expiresBeforeMaxAge && expires !== undefined) lifetime = fromExpires();
  else if (sMaxage !== undefined) lifetime = seconds(sMaxage, slips) ?? 0;
  else if (maxAge !== undefined) lifetime = seconds(maxAge, slips) ?? 0;
  else if (expires !== undefined) lifetime = fromExpires();
  else if (slips.heuristicFreshness && headers['last-modified'] !== undefined) {
    lifetime = Math.max(0, (date - (httpDate(headers['last-modified']) ?? date)) / 10_000);
  }
  if (has('no-cache') && !slips.noCacheStillFresh) lifetime = 0;

  const ageField = slips.ageFieldIgnored ? 0 : (seconds(headers.age === undefined ? undefined : [headers.age], {}) ?? 0);
  const apparent = slips.dateAgeIgnored ? 0 : Math.max(0, (now - date) / 1000);
  const age = slips.agesAdded ? ageField + apparent : Math.max(apparent, ageField);

  const staleForbidden =
    (has('no-cache') && !slips.noCacheAllowsStale) ||
    (has('must-revalidate') && !slips.mustRevalidateIgnored) ||
    (has('proxy-revalidate') && !slips.proxyRevalidateIgnored) ||
    (sMaxage !== undefined && !slips.sMaxageAllowsStale);
  const window = (name: string): number => (staleForbidden ? 0 : (seconds(cc.get(name), slips) ?? 0));
  const [swr, sie] = slips.windowsSwapped ? ['stale-if-error', 'stale-while-revalidate'] : ['stale-while-revalidate', 'stale-if-error'];
  return {
    storable,
    freshFor: slips.noClamp ? lifetime - age : Math.max(0, lifetime - age),
    staleWhileRevalidate: window(swr),
    staleIfError: window(sie),
  };
}

// ---------------------------------------------------------------------------------------------
// EdgeCache
// ---------------------------------------------------------------------------------------------

const ERRORS = new Set([500, 502, 503, 504]);

export interface Copy {
  response: HttpResponse;
  receivedAt: number;
  ageAtReceipt: number;
  freshUntil: number;
  swrUntil: number;
  sieUntil: number;
}

/** The lab's EdgeCache with every rule in a method of its own. */
export class VariantEdgeCache implements Upstream {
  protected readonly upstream: Upstream;
  protected readonly clock: Clock;
  protected readonly copies = new Map<string, Copy>();
  protected readonly inFlight = new Map<string, Promise<HttpResponse>>();

  constructor(options: EdgeCacheOptions) {
    new ReferenceCache(options);
    this.upstream = options.upstream;
    this.clock = options.clock;
  }

  /** The edge's reading of a response (the reference's rules). */
  protected decide(response: HttpResponse, now: number): EdgeDecision & { age: number } {
    const d = variantDecision(response.status, response.headers, now);
    const date = httpDate(response.headers.date) ?? now;
    const age = Math.max(0, (now - date) / 1000, seconds(response.headers.age === undefined ? undefined : [response.headers.age], {}) ?? 0);
    return { ...d, age };
  }

  /** The age a copy is taken to have when it arrives. */
  protected ageAtReceipt(decision: { age: number }): number {
    return decision.age;
  }

  protected isFresh(copy: Copy, now: number): boolean {
    return now < copy.freshUntil;
  }

  protected inStaleWhileRevalidate(copy: Copy, now: number): boolean {
    return now < copy.swrUntil;
  }

  protected inStaleIfError(copy: Copy, now: number): boolean {
    return now < copy.sieUntil;
  }

  /** Whether a stale-while-revalidate answer starts a refresh. */
  protected startsRefresh(path: string): boolean {
    return !this.inFlight.has(path);
  }

  /** Whether a stale-while-revalidate answer waits for the refresh. */
  protected waitsForRefresh(): boolean {
    return false;
  }

  /** The key under which a fetch in flight is found by others (null: no collapsing). */
  protected flightKey(path: string): string | null {
    return path;
  }

  /** Whether a response that is not storable is handed to the requests that waited for it. */
  protected sharesUnstorable(): boolean {
    return false;
  }

  protected stores(response: HttpResponse, decision: EdgeDecision): boolean {
    return decision.storable && !ERRORS.has(response.status);
  }

  protected headersOf(copy: Copy, age: number): Record<string, string> {
    return { ...copy.response.headers, age: String(age) };
  }

  async fetch(path: string): Promise<EdgeResponse> {
    const now = this.clock.now();
    const copy = this.copies.get(path);
    if (copy && this.isFresh(copy, now)) return this.serve(copy, 'HIT');
    if (copy && this.inStaleWhileRevalidate(copy, now)) {
      const refresh = this.startsRefresh(path) ? this.startFetch(path) : undefined;
      if (refresh && this.waitsForRefresh()) await refresh;
      return this.serve(copy, 'UPDATING');
    }
    const key = this.flightKey(path);
    const joined = key === null ? undefined : this.inFlight.get(key);
    let response = await (joined ?? this.startFetch(path));
    if (joined && !this.sharesUnstorable() && !this.decide(response, this.clock.now()).storable) {
      response = await this.upstream.fetch(path);
      this.store(path, response);
    }
    if (copy && ERRORS.has(response.status) && this.inStaleIfError(copy, this.clock.now())) return this.serve(copy, 'STALE');
    return { ...response, headers: { ...response.headers }, cache: copy ? 'EXPIRED' : 'MISS' };
  }

  protected startFetch(path: string): Promise<HttpResponse> {
    const key = this.flightKey(path);
    const pending = this.upstream.fetch(path).then((response) => {
      if (key !== null) this.inFlight.delete(key);
      this.store(path, response);
      return response;
    });
    if (key !== null) this.inFlight.set(key, pending);
    return pending;
  }

  protected store(path: string, response: HttpResponse): void {
    const now = this.clock.now();
    const d = this.decide(response, now);
    if (!this.stores(response, d)) return;
    const ageAtReceipt = this.ageAtReceipt(d);
    const freshUntil = now + d.freshFor * 1000 - (ageAtReceipt - d.age) * 1000;
    this.copies.set(path, {
      response,
      receivedAt: now,
      ageAtReceipt,
      freshUntil,
      swrUntil: freshUntil + d.staleWhileRevalidate * 1000,
      sieUntil: freshUntil + d.staleIfError * 1000,
    });
  }

  protected serve(copy: Copy, cache: CacheStatus): EdgeResponse {
    const age = Math.floor(copy.ageAtReceipt + (this.clock.now() - copy.receivedAt) / 1000);
    return { status: copy.response.status, headers: this.headersOf(copy, age), body: copy.response.body, cache };
  }
}

// ---------------------------------------------------------------------------------------------
// tieredCdn
// ---------------------------------------------------------------------------------------------

export interface CdnRules {
  /** The upper tier lower tier `lower` asks for `path`. */
  upperFor?: (path: string, lower: number, upperTiers: number) => number;
  /** Lower tiers ask the origin themselves. */
  lowerAsksOrigin?: boolean;
  /** The cache class to build tiers from. */
  Cache?: new (options: EdgeCacheOptions) => Upstream;
}

function fnv(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** tieredCdn with its routing rules replaceable. */
export function variantCdn(options: TieredCdnOptions, rules: CdnRules = {}): TieredCdn {
  const { origin, clock, lowerTiers, upperTiers } = options;
  if (!(Number.isInteger(lowerTiers) && lowerTiers >= 1)) throw new RangeError(`lowerTiers must be an integer >= 1 (got ${lowerTiers})`);
  if (!(Number.isInteger(upperTiers) && upperTiers >= 1)) throw new RangeError(`upperTiers must be an integer >= 1 (got ${upperTiers})`);
  const Cache = rules.Cache ?? ReferenceCache;
  const upperFor = rules.upperFor ?? ((path, _lower, n) => fnv(path) % n);
  const upper = Array.from({ length: upperTiers }, () => new Cache({ upstream: origin, clock }));
  const lower = Array.from({ length: lowerTiers }, (_, i) =>
    new Cache({ upstream: rules.lowerAsksOrigin ? origin : { fetch: (path: string) => upper[upperFor(path, i, upperTiers)]!.fetch(path) }, clock }),
  );
  return { lower, upper } as unknown as TieredCdn;
}
