/**
 * A seeded discrete-event simulation of a CDN in front of one origin, for the Cloudflare case study's
 * widget: `pops` lower-tier data centers receive Poisson requests for assets of Zipf popularity; each
 * caches what the origin allows (`max-age` = the TTL) and, with tiering, asks one upper tier on a miss
 * instead of the origin; with collapsing, each data center sends at most one request per asset
 * upstream at a time. Every copy's freshness comes from the lab's own rules (edgeDecision), with the
 * upper tier's `age` passed down, as in the lab's tieredCdn.
 *
 * The network is a model, not a measurement: a fetch from a lower tier to the upper tier takes
 * LOWER_TO_UPPER_MS there and back, and one to the origin takes TO_ORIGIN_MS. Caches never evict.
 */
import { createRng, DEFAULT_SEED, exponential, type Rng } from '../../common/rng';
import { edgeDecision } from './edge-decision';

/** What the reader chooses. */
export interface CdnSimulationSettings {
  /** Lower-tier data centers (points of presence): an integer from 1 to MAX_POPS. */
  pops: number;
  /** Popularity skew: the Zipf exponent α of asset popularity, 0 (all equal) to MAX_ZIPF_ALPHA. */
  zipfAlpha: number;
  /** The origin's `max-age`, in whole seconds from 1 to MAX_TTL_SECONDS. */
  ttlSeconds: number;
  /** Lower tiers ask an upper tier (true) or the origin (false) on a miss. */
  tiering: boolean;
  /** Each data center sends at most one request per asset upstream at a time. */
  collapsing: boolean;
}

export const MAX_POPS = 50;
export const MAX_ZIPF_ALPHA = 2;
export const MAX_TTL_SECONDS = 3600;

/** The fixed part of the scenario: the same for every setting, so that only the chosen knobs move the numbers. */
export const CDN_SCENARIO = {
  /** Distinct assets, ranked by popularity (asset 0 is the most popular). */
  assets: 1000,
  /** Requests per second arriving at each lower-tier data center. */
  requestsPerSecondPerPop: 50,
  /** Seconds of traffic simulated, from cold caches. */
  durationSeconds: 120,
  /** A lower tier's round trip to the upper tier, ms. */
  lowerToUpperMs: 30,
  /** A round trip to the origin, from either tier, ms. */
  toOriginMs: 150,
  seed: DEFAULT_SEED,
} as const;

/** The widget's starting point. */
export const DEFAULT_CDN_SETTINGS: CdnSimulationSettings = { pops: 12, zipfAlpha: 0.9, ttlSeconds: 30, tiering: true, collapsing: true };

/** What one tier did with the requests that reached it. */
export interface TierStats {
  /** Requests that reached the tier (at the lower tier: visitors' requests). */
  requests: number;
  /** Answered from a fresh copy. */
  hits: number;
  /** Waited for a fetch already in flight in the same data center. */
  collapsed: number;
  /** Sent upstream (to the upper tier or the origin). */
  upstream: number;
}

export interface CdnSimulationResult {
  settings: CdnSimulationSettings;
  lower: TierStats;
  /** Undefined without tiering. */
  upper: TierStats | undefined;
  /** Requests the origin received. */
  originRequests: number;
  /** Of which for the most popular asset. */
  hottestOriginRequests: number;
  /** Origin requests in each second of the run (index = second). */
  originPerSecond: number[];
}

/** The cumulative popularity of assets 0…n−1 under Zipf(α), for sampling by bisection. */
export function zipfCumulative(assets: number, alpha: number): Float64Array {
  const cumulative = new Float64Array(assets);
  let sum = 0;
  for (let i = 0; i < assets; i++) {
    sum += 1 / (i + 1) ** alpha;
    cumulative[i] = sum;
  }
  for (let i = 0; i < assets; i++) cumulative[i]! /= sum;
  return cumulative;
}

function sampleAsset(rng: Rng, cumulative: Float64Array): number {
  const u = rng.next();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

type Event =
  /** A response for `asset` reaches lower tier `pop`, with the `age` the sender put on it. */
  | { kind: 'lower-done'; time: number; seq: number; pop: number; asset: number; age: number }
  /** A lower tier's request for `asset` reaches the upper tier. */
  | { kind: 'upper-arrive'; time: number; seq: number; pop: number; asset: number }
  /** The origin's response for `asset` reaches the upper tier, for the lower tiers in `pops`. */
  | { kind: 'upper-done'; time: number; seq: number; asset: number; pops: number[] };

/** A binary min-heap of events by (time, seq): ties go to the event scheduled first. */
class EventQueue {
  readonly #heap: Event[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  peekTime(): number {
    return this.#heap.length ? this.#heap[0]!.time : Number.POSITIVE_INFINITY;
  }

  /** The next sequence number, to put in the event pushed next. */
  seq(): number {
    return this.#seq++;
  }

  push(e: Event): void {
    const heap = this.#heap;
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = e;
  }

  pop(): Event {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

const before = (a: Event, b: Event): boolean => a.time < b.time || (a.time === b.time && a.seq < b.seq);

const emptyStats = (): TierStats => ({ requests: 0, hits: 0, collapsed: 0, upstream: 0 });

/** Runs the scenario with the reader's settings. Deterministic: the same settings give the same result. */
export function simulateCdn(settings: CdnSimulationSettings): CdnSimulationResult {
  const { pops, zipfAlpha, ttlSeconds, tiering, collapsing } = settings;
  if (!(Number.isInteger(pops) && pops >= 1 && pops <= MAX_POPS)) throw new RangeError(`pops must be an integer from 1 to ${MAX_POPS} (got ${pops})`);
  if (!(zipfAlpha >= 0 && zipfAlpha <= MAX_ZIPF_ALPHA)) throw new RangeError(`zipfAlpha must be from 0 to ${MAX_ZIPF_ALPHA} (got ${zipfAlpha})`);
  if (!(Number.isInteger(ttlSeconds) && ttlSeconds >= 1 && ttlSeconds <= MAX_TTL_SECONDS)) {
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS} (got ${ttlSeconds})`);
  }
  const { assets, requestsPerSecondPerPop, durationSeconds, lowerToUpperMs, toOriginMs, seed } = CDN_SCENARIO;
  const rng = createRng(seed);
  const cumulative = zipfCumulative(assets, zipfAlpha);
  const end = durationSeconds * 1000;
  const meanGapMs = 1000 / (requestsPerSecondPerPop * pops);
  const cacheControl = `max-age=${ttlSeconds}`;

  // Each tier's state, by asset: when its copy stops being fresh (0: no copy yet), and, at the lower
  // tier, whether a fetch is in flight; at the upper tier, when its copy arrived (the origin's copies
  // arrive with age 0) and the lower tiers waiting for its fetch in flight.
  const lowerFreshUntil = new Float64Array(pops * assets);
  const lowerFetching = new Uint8Array(pops * assets);
  const upperFreshUntil = new Float64Array(assets);
  const upperReceivedAt = new Float64Array(assets);
  const upperWaiting: (number[] | undefined)[] = new Array(assets).fill(undefined);
  const lower = emptyStats();
  const upper = emptyStats();
  const originPerSecond = new Array<number>(durationSeconds).fill(0);
  let originRequests = 0;
  let hottestOriginRequests = 0;
  const queue = new EventQueue();

  const toOrigin = (time: number, asset: number): void => {
    originRequests++;
    if (asset === 0) hottestOriginRequests++;
    // A request sent in the last few ms (after a hop to the upper tier) counts in the last second.
    originPerSecond[Math.min(durationSeconds - 1, Math.floor(time / 1000))]!++;
  };
  // Freshness by the lab's rules: the origin's max-age, less the age the sender put on the copy.
  // Ages are whole seconds, so each is worked out once.
  const freshForByAge = new Map<number, number>();
  const freshFor = (age: number): number => {
    let seconds = freshForByAge.get(age);
    if (seconds === undefined) {
      seconds = edgeDecision(200, { 'cache-control': cacheControl, age: String(age) }, 0).freshFor;
      freshForByAge.set(age, seconds);
    }
    return seconds;
  };

  // #region lower-tier
  const lowerRequest = (time: number, pop: number, asset: number): void => {
    const slot = pop * assets + asset;
    lower.requests++;
    if (time < lowerFreshUntil[slot]!) {
      lower.hits++;
      return;
    }
    if (collapsing && lowerFetching[slot]) {
      lower.collapsed++;
      return;
    }
    lower.upstream++;
    lowerFetching[slot] = 1;
    if (tiering) queue.push({ kind: 'upper-arrive', time: time + lowerToUpperMs / 2, seq: queue.seq(), pop, asset });
    else {
      toOrigin(time, asset);
      queue.push({ kind: 'lower-done', time: time + toOriginMs, seq: queue.seq(), pop, asset, age: 0 });
    }
  };
  // #endregion

  // #region upper-tier
  const upperRequest = (time: number, pop: number, asset: number): void => {
    upper.requests++;
    if (time < upperFreshUntil[asset]!) {
      upper.hits++;
      const age = Math.floor((time - upperReceivedAt[asset]!) / 1000);
      queue.push({ kind: 'lower-done', time: time + lowerToUpperMs / 2, seq: queue.seq(), pop, asset, age });
      return;
    }
    const waiting = collapsing ? upperWaiting[asset] : undefined;
    if (waiting) {
      upper.collapsed++;
      waiting.push(pop);
      return;
    }
    upper.upstream++;
    toOrigin(time, asset);
    if (collapsing) upperWaiting[asset] = [pop];
    queue.push({ kind: 'upper-done', time: time + toOriginMs, seq: queue.seq(), asset, pops: collapsing ? [] : [pop] });
  };
  // #endregion

  let next = exponential(rng, meanGapMs);
  while (next < end || queue.size) {
    if (next < end && next <= queue.peekTime()) {
      const pop = Math.floor(rng.next() * pops);
      lowerRequest(next, pop, sampleAsset(rng, cumulative));
      next += exponential(rng, meanGapMs);
      continue;
    }
    const event = queue.pop();
    if (event.kind === 'upper-arrive') upperRequest(event.time, event.pop, event.asset);
    else if (event.kind === 'upper-done') {
      upperFreshUntil[event.asset] = event.time + freshFor(0) * 1000;
      upperReceivedAt[event.asset] = event.time;
      const pops = collapsing ? upperWaiting[event.asset]! : event.pops;
      upperWaiting[event.asset] = undefined;
      for (const pop of pops) queue.push({ kind: 'lower-done', time: event.time + lowerToUpperMs / 2, seq: queue.seq(), pop, asset: event.asset, age: 0 });
    } else {
      const slot = event.pop * assets + event.asset;
      lowerFreshUntil[slot] = event.time + freshFor(event.age) * 1000;
      lowerFetching[slot] = 0;
    }
  }

  return {
    settings: { ...settings },
    lower,
    upper: tiering ? upper : undefined,
    originRequests,
    hottestOriginRequests,
    originPerSecond,
  };
}

/** Hits ÷ requests, or 0 for a tier that saw none. */
export function hitRatio(stats: TierStats): number {
  return stats.requests ? stats.hits / stats.requests : 0;
}
