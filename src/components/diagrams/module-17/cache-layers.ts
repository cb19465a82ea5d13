/**
 * The five places a web request can be answered from a copy, in the order the request meets them, as one
 * list that both the lesson's diagram (CacheLayers.astro) and its table (CacheLayersTable.astro) draw,
 * so the two cannot disagree.
 *
 * Latency is always "what the user waits for a hit here", from the user's side: a layer further along
 * the path can never be faster than one before it, because the request has already passed through the
 * earlier ones (the fix for a widely shared "cache pyramid" that put a 5–20 ms CDN above a 1–5 ms
 * reverse proxy). The figures are orders of magnitude, each with the source it rests on; none is a
 * measurement of your system.
 */

/** A source the table cites, by key. */
export interface LayerSource {
  label: string;
  href: string;
}

export const LAYER_SOURCES = {
  rfc9111: { label: 'RFC 9111 (HTTP Caching)', href: 'https://www.rfc-editor.org/rfc/rfc9111' },
  clearSiteData: { label: 'W3C Clear Site Data', href: 'https://www.w3.org/TR/clear-site-data/' },
  dean: { label: 'Dean, LADIS 2009', href: 'https://www.cs.cornell.edu/projects/ladis2009/talks/dean-keynote-ladis2009.pdf' },
  cloudflareCdn: { label: 'Cloudflare CDN reference architecture', href: 'https://developers.cloudflare.com/reference-architecture/architectures/cdn/' },
  cloudflarePurge: { label: 'Cloudflare: Purge cache', href: 'https://developers.cloudflare.com/cache/how-to/purge-cache/' },
  varnish: { label: 'Varnish: Purging and banning', href: 'https://varnish-cache.org/docs/trunk/users-guide/purging.html' },
  redisLatency: { label: 'Redis: Diagnosing latency', href: 'https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/latency/' },
  tao: { label: 'Bronson et al., TAO, ATC 2013', href: 'https://www.usenix.org/system/files/conference/atc13/atc13-bronson.pdf' },
  memcache: { label: 'Nishtala et al., NSDI 2013', href: 'https://www.usenix.org/system/files/conference/nsdi13/nsdi13-final170_update.pdf' },
  mysqlMemory: { label: 'MySQL 8.4: How MySQL Uses Memory', href: 'https://dev.mysql.com/doc/refman/8.4/en/memory-use.html' },
  postgresMemory: { label: 'PostgreSQL: shared_buffers', href: 'https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-SHARED-BUFFERS' },
} as const satisfies Record<string, LayerSource>;

export type LayerSourceKey = keyof typeof LAYER_SOURCES;

export interface CacheLayer {
  id: 'browser' | 'cdn' | 'reverse-proxy' | 'app-cache' | 'buffer-pool';
  name: string;
  /** Well-known examples. */
  examples: string;
  /** Where it sits and who shares it. */
  scope: string;
  /** Whether one user's copy can serve another user. */
  shared: boolean;
  capacity: string;
  /** What the user waits for a hit here, as an order of magnitude, in a sentence for the table. */
  hitCost: string;
  /** The same, in a few words for the diagram. */
  hitShort: string;
  /**
   * The least a hit here can cost the user, in ms, as an order of magnitude (a power of ten): what the
   * diagram's ordering and its test rest on.
   */
  hitFloorMs: number;
  invalidation: string;
  sources: readonly LayerSourceKey[];
}

export const CACHE_LAYERS: readonly CacheLayer[] = [
  {
    id: 'browser',
    name: 'Browser cache',
    examples: "the browser's HTTP cache; a service worker's Cache Storage",
    scope: "on the user's device; private to that user",
    shared: false,
    capacity: "a share of the device's disk, chosen by the browser",
    hitCost: 'no network at all: a local memory or disk read, well under the round trip to any server',
    hitShort: 'no network trip',
    hitFloorMs: 0.001,
    invalidation:
      'freshness from Cache-Control: max-age, then revalidation (ETag → 304 Not Modified). The server cannot reach in to delete a copy: change the URL (a versioned file name), or send Clear-Site-Data when the user comes back.',
    sources: ['rfc9111', 'clearSiteData', 'dean'],
  },
  {
    id: 'cdn',
    name: 'CDN edge',
    examples: 'Cloudflare, Fastly, CloudFront',
    scope: "a point of presence near the user; shared by everyone that location serves",
    shared: true,
    capacity: "the disks and memory of the provider's servers in each location",
    hitCost: 'one round trip to a nearby location: tens of milliseconds at most for most users (Cloudflare puts 95 % of Internet users within 50 ms of its network)',
    hitShort: 'tens of ms: a nearby PoP',
    hitFloorMs: 10,
    invalidation: 'TTL (Cache-Control: s-maxage or max-age), a purge API (by URL, tag, host, prefix, or everything), versioned URLs',
    sources: ['rfc9111', 'cloudflareCdn', 'cloudflarePurge'],
  },
  {
    id: 'reverse-proxy',
    name: 'Reverse proxy',
    examples: 'Varnish, NGINX proxy_cache',
    scope: "in the origin's data center, in front of the application servers; shared by all users",
    shared: true,
    capacity: 'the memory or disk of the proxy servers',
    hitCost:
      "the full round trip to the origin's data center, which grows with the distance (about 150 ms between California and the Netherlands and back), plus a lookup in the proxy's memory",
    hitShort: 'round trip to the origin',
    hitFloorMs: 10,
    invalidation: 'TTL from the response headers; purges of one object and its variants, or bans by expression (Varnish)',
    sources: ['varnish', 'dean'],
  },
  {
    id: 'app-cache',
    name: 'Application cache',
    examples: 'Redis, Memcached; a map inside the process',
    scope: 'next to the application servers; shared by every server using the cluster (an in-process map: one process)',
    shared: true,
    capacity: 'the memory of the cache servers; a cluster grows by adding servers',
    hitCost:
      'everything above, plus the application, plus one round trip inside the data center: about 0.2–0.5 ms. TAO measured hits at a median of 1.0–1.3 ms, seen from its clients',
    hitShort: 'origin + < 1 ms',
    hitFloorMs: 10,
    invalidation: 'TTL (EXPIRE), delete on write, or invalidation events from the database: the subject of the invalidation lesson',
    sources: ['redisLatency', 'dean', 'tao', 'memcache'],
  },
  {
    id: 'buffer-pool',
    name: 'Database buffer pool',
    examples: "InnoDB's buffer pool, PostgreSQL's shared_buffers",
    scope: "inside the database server's memory; shared by every query on that server (each replica has its own)",
    shared: true,
    capacity: "a configured share of the database server's memory: MySQL suggests 50–75 %, PostgreSQL starts at 25 %",
    hitCost: 'everything above, plus the query itself, minus the disk: a random read from a spinning disk costs about 10 ms (far less on flash)',
    hitShort: 'origin + query, no disk',
    hitFloorMs: 10,
    invalidation:
      'none needed: every write goes through the pool, so its pages are the current data; pages only leave by eviction (an LRU variant). MySQL\'s query cache, a result cache that every write to a table emptied, was removed in MySQL 8.0.',
    sources: ['mysqlMemory', 'postgresMemory', 'dean'],
  },
];
