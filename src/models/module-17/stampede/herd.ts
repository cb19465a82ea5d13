/**
 * A herd harness: one hot key, readers arriving at given times, a database load that takes a fixed
 * time, and a strategy that decides what each reader does. It counts the database loads. A
 * discrete-event simulation in virtual time, so it is exact and repeatable: the events are the readers'
 * arrivals (given) and the loads' completions (each `loadTime` after its start, so they finish in the
 * order they started).
 *
 * The engine (runHerd) only feeds reads to a policy and applies its decisions; the stampede lab's four
 * strategies are policies here, and the stampede simulator of the lesson adds more
 * (src/models/module-17/stampede-simulator/).
 */

/** What the cache and the loads look like to a reader at the moment it arrives. */
export interface HerdView {
  /** The reader's arrival time, in seconds. */
  now: number;
  /** When the cached value expires (it is fresh while now < expiry); -Infinity while the cache is empty. */
  expiry: number;
  /** Loads in flight. */
  inFlight: number;
}

/**
 * What a reader does:
 * - `hit`: takes the cached value;
 * - `stale`: takes the cached value although it is stale;
 * - `revalidate`: takes the stale value and starts a load in the background;
 * - `join`: waits for a load already in flight;
 * - `load`: starts a load and waits for it.
 */
export type HerdDecision = 'hit' | 'stale' | 'revalidate' | 'join' | 'load';

/**
 * A strategy: what reader number `reader` (its index in the arrivals) does, seeing `view`. A policy may
 * keep state of its own across readers (a simulator's per-server tables, say); the engine only applies
 * its decisions.
 */
export type HerdPolicy = (view: HerdView, reader: number) => HerdDecision;

/** What a run counts. */
export interface HerdResult {
  /** Database loads started. */
  loads: number;
  /** When each load started, in order. */
  loadStarts: number[];
  /** The most loads in flight at one instant: the largest herd. */
  peakLoads: number;
  /** Readers that waited for a load (started one or joined one) instead of being answered from the cache. */
  waited: number;
  /** Readers answered with a stale value. */
  stale: number;
}

export interface HerdRun {
  arrivals: ArrayLike<number>;
  loadTime: number;
  ttl: number;
  /** The cache starts with a value that expires then; empty when left out. */
  expiresAt?: number;
  policy: HerdPolicy;
}

// #region engine
/** Feeds every reader to the policy, in time order, and applies its decisions. */
export function runHerd({ arrivals, loadTime, ttl, expiresAt, policy }: HerdRun): HerdResult {
  const loadStarts: number[] = [];
  let done = 0; // loads finished: loadStarts[done..] are in flight
  let expiry = expiresAt ?? Number.NEGATIVE_INFINITY;
  let peakLoads = 0;
  let waited = 0;
  let stale = 0;
  for (let i = 0; i < arrivals.length; i++) {
    const now = arrivals[i]!;
    // Loads that finish by now come first: their value is in the cache when this reader looks.
    for (; done < loadStarts.length; done++) {
      const end = loadStarts[done]! + loadTime;
      if (end > now) break;
      expiry = end + ttl;
    }
    const decision = policy({ now, expiry, inFlight: loadStarts.length - done }, i);
    if (decision === 'load' || decision === 'join') waited++;
    if (decision === 'stale' || decision === 'revalidate') stale++;
    if (decision === 'load' || decision === 'revalidate') {
      loadStarts.push(now);
      peakLoads = Math.max(peakLoads, loadStarts.length - done);
    }
  }
  return { loads: loadStarts.length, loadStarts, peakLoads, waited, stale };
}
// #endregion

/** The four strategies of the stampede lab. */
export type HerdStrategy = 'none' | 'single-flight' | 'xfetch' | 'stale-while-revalidate';

export const HERD_STRATEGIES: readonly HerdStrategy[] = ['none', 'single-flight', 'xfetch', 'stale-while-revalidate'];

/** A herd: the readers, the load, the cache's starting state, and the strategy. Times in seconds. */
export interface HerdScenario {
  strategy: HerdStrategy;
  /** When each reader asks for the key: finite numbers >= 0, in non-decreasing order. */
  arrivals: readonly number[];
  /** How long one database load takes: finite, > 0. */
  loadTime: number;
  /** How long a value stays fresh after its load finished: finite, > 0. */
  ttl: number;
  /** The cache starts with a value that expires at this time (its δ is loadTime); left out, it starts empty. */
  expiresAt?: number;
  /** 'stale-while-revalidate' (required there): how long after expiry a value may be served stale; finite, >= 0. */
  staleWindow?: number;
  /** 'xfetch': β, finite and > 0. @default 1 */
  beta?: number;
  /** 'xfetch' (required there): numbers in (0, 1], one drawn for each reader that finds a fresh value, in arrival order. */
  random?: () => number;
}

// #region policies
/** No protection: a reader that finds no fresh value loads it itself. */
export const noProtection: HerdPolicy = (view) => (view.now < view.expiry ? 'hit' : 'load');

/** Single-flight (in one process): a reader that finds no fresh value joins the load in flight, if any. */
export const singleFlight: HerdPolicy = (view) => {
  if (view.now < view.expiry) return 'hit';
  return view.inFlight > 0 ? 'join' : 'load';
};

/**
 * Probabilistic early recomputation: a reader that finds a fresh value draws one number and reloads
 * early when now − scale·ln(rand) >= expiry. XFetch's scale is δβ, the load time times β; the source
 * article's variant used β·TTL (see the stampede simulator).
 */
export function earlyRecompute(scale: number, random: () => number): HerdPolicy {
  return (view) => {
    if (view.now >= view.expiry) return 'load';
    return view.now - scale * Math.log(random()) >= view.expiry ? 'load' : 'hit';
  };
}

/** Stale-while-revalidate on a shared cache: one load at a time; stale answers within the window. */
export function staleWhileRevalidate(window: number): HerdPolicy {
  return (view) => {
    if (view.now < view.expiry) return 'hit';
    if (view.now < view.expiry + window) return view.inFlight > 0 ? 'stale' : 'revalidate';
    return view.inFlight > 0 ? 'join' : 'load';
  };
}
// #endregion

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** Counts the database loads (and more) of one strategy under one herd. */
export function simulateHerd(scenario: HerdScenario): HerdResult {
  const { strategy, arrivals, loadTime, ttl, expiresAt } = scenario;
  check(HERD_STRATEGIES.includes(strategy), `strategy must be 'none', 'single-flight', 'xfetch' or 'stale-while-revalidate' (got ${String(strategy)})`);
  arrivals.forEach((t, i) => {
    check(Number.isFinite(t) && t >= 0, `arrivals[${i}] must be a finite number >= 0 (got ${t})`);
    check(i === 0 || t >= arrivals[i - 1]!, `arrivals must be in non-decreasing order (arrivals[${i}] = ${t} is earlier than the one before it)`);
  });
  check(Number.isFinite(loadTime) && loadTime > 0, `loadTime must be a finite number > 0 (got ${loadTime})`);
  check(Number.isFinite(ttl) && ttl > 0, `ttl must be a finite number > 0 (got ${ttl})`);
  check(expiresAt === undefined || Number.isFinite(expiresAt), `expiresAt must be a finite number when given (got ${expiresAt})`);
  let policy: HerdPolicy;
  if (strategy === 'xfetch') {
    const beta = scenario.beta ?? 1;
    check(Number.isFinite(beta) && beta > 0, `beta must be a finite number > 0 (got ${beta})`);
    if (typeof scenario.random !== 'function') throw new TypeError('random must be a function returning numbers in (0, 1] for the xfetch strategy');
    policy = earlyRecompute(loadTime * beta, scenario.random);
  } else if (strategy === 'stale-while-revalidate') {
    const window = scenario.staleWindow;
    check(Number.isFinite(window) && window! >= 0, `staleWindow must be a finite number >= 0 for stale-while-revalidate (got ${window})`);
    policy = staleWhileRevalidate(window!);
  } else {
    policy = strategy === 'none' ? noProtection : singleFlight;
  }
  return runHerd({ arrivals, loadTime, ttl, expiresAt, policy });
}
