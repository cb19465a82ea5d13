/**
 * The stampede simulator behind the lesson's widget: one hot key read by `clients` application servers
 * at `requestRate` requests per second in all (a Poisson stream, each request from a client picked at
 * random), a database load that takes `recomputeTime` seconds, a TTL, and one of seven strategies. It
 * runs the herd engine of the stampede lab (../stampede/herd.ts) over 3·(TTL + recompute time) seconds,
 * starting from a value loaded at time 0, and reports the database loads over time and the largest herd.
 * Seeded: the same settings always give the same run, in the page, in the tests and on the server.
 */
import { createRng, DEFAULT_SEED, type Rng } from '../../common/rng';
import { earlyRecompute, noProtection, runHerd, singleFlight, staleWhileRevalidate, type HerdPolicy, type HerdResult } from '../stampede/herd';

export type StampedeStrategy = 'none' | 'mutex' | 'single-flight' | 'xfetch' | 'article' | 'stale-while-revalidate' | 'leases';

/** The strategies in the order the widget lists them, with the names it shows. */
export const STAMPEDE_STRATEGIES: readonly { id: StampedeStrategy; label: string }[] = [
  { id: 'none', label: 'No protection' },
  { id: 'mutex', label: 'Mutex (one lock per key, shared by all clients)' },
  { id: 'single-flight', label: 'Single-flight (in each client)' },
  { id: 'xfetch', label: 'XFetch, δ·β look-ahead' },
  { id: 'article', label: "The article's variant, TTL·β look-ahead" },
  { id: 'stale-while-revalidate', label: 'Stale-while-revalidate' },
  { id: 'leases', label: 'Leases (memcache)' },
];

/** How long a stale value may be served under stale-while-revalidate: one TTL. */
export const STALE_WINDOW_TTLS = 1;
/** Memcache's default: at most one lease per key every 10 s (Nishtala et al., §3.2.1). */
export const LEASE_INTERVAL_S = 10;

export interface StampedeSettings {
  /** Application servers reading the key: an integer >= 1. */
  clients: number;
  /** Requests per second for the key, from all clients together: > 0. */
  requestRate: number;
  /** Seconds a loaded value stays fresh: > 0. */
  ttl: number;
  /** Seconds one database load (the recomputation) takes: > 0. */
  recomputeTime: number;
  strategy: StampedeStrategy;
  /** β of XFetch and of the article's variant: > 0. */
  beta: number;
}

/** The widget's starting point: ten servers, 200 requests/s, a 10 s TTL, a 0.5 s query, no protection. */
export const DEFAULT_STAMPEDE: StampedeSettings = { clients: 10, requestRate: 200, ttl: 10, recomputeTime: 0.5, strategy: 'none', beta: 1 };

/** The simulated stretch of time: three TTLs and three recomputations, so three expiries show. */
export function simulatedSeconds(settings: Pick<StampedeSettings, 'ttl' | 'recomputeTime'>): number {
  return 3 * (settings.ttl + settings.recomputeTime);
}

/** The requests of one run: arrival times (Poisson at `requestRate`) and the client of each. */
export interface Workload {
  arrivals: Float64Array;
  clients: Uint32Array;
}

/** The same workload for every strategy: it depends only on the seed, the rate, the clients and the duration. */
export function workload(settings: Pick<StampedeSettings, 'clients' | 'requestRate'>, seconds: number, seed = DEFAULT_SEED): Workload {
  const rng = createRng(seed);
  const times: number[] = [];
  const owners: number[] = [];
  for (let t = -Math.log(1 - rng.next()) / settings.requestRate; t < seconds; t -= Math.log(1 - rng.next()) / settings.requestRate) {
    times.push(t);
    owners.push(Math.floor(rng.next() * settings.clients));
  }
  return { arrivals: Float64Array.from(times), clients: Uint32Array.from(owners) };
}

/** A uniform draw in (0, 1], so that ln never sees 0. */
const unitDraw = (rng: Rng) => () => 1 - rng.next();

// #region policies
/**
 * The policy of each strategy over `workload`'s requests. XFetch and the article's variant draw from
 * their own stream of the seed; per-server single-flight and leases keep their own small tables.
 */
export function policyFor(settings: StampedeSettings, clients: ArrayLike<number>, seed = DEFAULT_SEED): HerdPolicy {
  const { strategy, ttl, recomputeTime, beta } = settings;
  switch (strategy) {
    case 'none':
      return noProtection;
    case 'single-flight': {
      // Each server coalesces its own requests: it is busy until its one query finishes.
      const busyUntil = new Float64Array(settings.clients).fill(Number.NEGATIVE_INFINITY);
      return (view, reader) => {
        if (view.now < view.expiry) return 'hit';
        const client = clients[reader]!;
        if (view.now < busyUntil[client]!) return 'join';
        busyUntil[client] = view.now + recomputeTime;
        return 'load';
      };
    }
    case 'mutex':
      // One lock for the key across all servers: whoever finds it taken waits for the holder's query.
      return (view) => (view.now < view.expiry ? 'hit' : view.inFlight > 0 ? 'join' : 'load');
    case 'xfetch':
      return earlyRecompute(recomputeTime * beta, unitDraw(createRng(seed + 1)));
    case 'article':
      // The source article's code scaled the look-ahead by the TTL instead of the recompute time δ.
      return earlyRecompute(ttl * beta, unitDraw(createRng(seed + 1)));
    case 'stale-while-revalidate':
      return staleWhileRevalidate(STALE_WINDOW_TTLS * ttl);
    case 'leases': {
      // The cache issues at most one lease per key every LEASE_INTERVAL_S; a lease is used up when its
      // holder's query finishes and sets the value. Everyone else is told to wait and retry.
      let leaseAt = Number.NEGATIVE_INFINITY;
      return (view) => {
        if (view.now < view.expiry) return 'hit';
        const outstanding = view.now < leaseAt + recomputeTime;
        if (outstanding && view.now - leaseAt < LEASE_INTERVAL_S) return 'join';
        leaseAt = view.now;
        return 'load';
      };
    }
  }
}
// #endregion

/** One run of the simulator. */
export interface StampedeRun extends HerdResult {
  settings: StampedeSettings;
  seconds: number;
  requests: number;
  /** (time, loads in flight): the most loads in flight within each of the chart's bins, at the bin's start. */
  series: [number, number][];
}

/** Bins of the chart's series. */
export const SERIES_BINS = 240;

/**
 * The most loads in flight within each of `bins` equal bins of [0, seconds), from the start times (in
 * order; each load lasts `loadTime`, so the loads also end in that order). The level only rises at a
 * start, so a bin's most is its level at the bin's beginning or just after one of its starts.
 */
export function loadSeries(loadStarts: readonly number[], loadTime: number, seconds: number, bins = SERIES_BINS): [number, number][] {
  const width = seconds / bins;
  const series: [number, number][] = [];
  let started = 0; // loads started so far
  let ended = 0; // loads ended so far
  for (let b = 0; b < bins; b++) {
    const begin = b * width;
    const finish = begin + width;
    while (ended < started && loadStarts[ended]! + loadTime <= begin) ended++;
    let most = started - ended;
    // Each start inside the bin: first retire the loads that ended by then (an end at t precedes a start at t).
    while (started < loadStarts.length && loadStarts[started]! < finish) {
      const at = loadStarts[started]!;
      while (ended < started && loadStarts[ended]! + loadTime <= at) ended++;
      started++;
      most = Math.max(most, started - ended);
    }
    series.push([begin, most]);
  }
  return series;
}

/** Runs one strategy on the seeded workload. */
export function simulateStampede(settings: StampedeSettings, seed = DEFAULT_SEED): StampedeRun {
  const seconds = simulatedSeconds(settings);
  const { arrivals, clients } = workload(settings, seconds, seed);
  const counts = runHerd({ arrivals, loadTime: settings.recomputeTime, ttl: settings.ttl, expiresAt: settings.ttl, policy: policyFor(settings, clients, seed) });
  return { ...counts, settings, seconds, requests: arrivals.length, series: loadSeries(counts.loadStarts, settings.recomputeTime, seconds) };
}

/** Every strategy on the same workload, for the comparison table. */
export function compareStrategies(settings: Omit<StampedeSettings, 'strategy'>, seed = DEFAULT_SEED): StampedeRun[] {
  return STAMPEDE_STRATEGIES.map(({ id }) => simulateStampede({ ...settings, strategy: id }, seed));
}
