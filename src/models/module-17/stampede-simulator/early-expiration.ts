/**
 * The numbers the stampedes lesson quotes about probabilistic early expiration, computed rather than
 * copied, so that the page and its unit tests cannot disagree. Everything here is the course's own
 * derivation or simulation (seeded); none of it is a result quoted from the XFetch paper.
 *
 * A reader with r seconds left draws rand in (0, 1] and refreshes when r <= −θ·ln(rand), θ being the
 * look-ahead scale: δβ for XFetch, TTL·β for the source article's variant. −ln(rand) is exponential with
 * mean 1, so the reader refreshes with probability e^(−r/θ).
 */
import { createRng, type Rng } from '../../common/rng';
import { earlyRecompute, runHerd } from '../stampede/herd';

/** Euler–Mascheroni constant, the mean of a standard Gumbel variable. */
export const EULER_GAMMA = 0.5772156649015329;

/** The probability that one reader with `timeLeft` seconds left refreshes early: e^(−r/θ). */
export function earlyRefreshProbability(timeLeft: number, scale: number): number {
  return Math.exp(-timeLeft / scale);
}

/**
 * The article's own scenario, run one request at a time: `requests` requests arrive at one instant with
 * `timeLeft` seconds left; a refresh takes no time and resets the expiry to now + ttl, so every request
 * after the first refresh sees ttl seconds left. The expected number of refreshes, exactly:
 * Σ_i [(1 − p₀)^i·p₀ + (1 − (1 − p₀)^i)·p₁], with p₀ = e^(−timeLeft/θ) and p₁ = e^(−ttl/θ).
 */
export function expectedSequentialRefreshes(requests: number, timeLeft: number, ttl: number, scale: number): number {
  const p0 = earlyRefreshProbability(timeLeft, scale);
  const p1 = earlyRefreshProbability(ttl, scale);
  let none = 1; // probability that no request before this one refreshed
  let expected = 0;
  for (let i = 0; i < requests; i++) {
    expected += none * p0 + (1 - none) * p1;
    none *= 1 - p0;
  }
  return expected;
}

/** The same scenario simulated `runs` times from `rng`: the refreshes of each run. */
export function simulateSequentialRefreshes(rng: Rng, runs: number, requests: number, timeLeft: number, ttl: number, scale: number): number[] {
  const counts: number[] = [];
  for (let run = 0; run < runs; run++) {
    let left = timeLeft;
    let refreshes = 0;
    for (let i = 0; i < requests; i++) {
      if (left <= -scale * Math.log(1 - rng.next())) {
        refreshes++;
        left = ttl;
      }
    }
    counts.push(refreshes);
  }
  return counts;
}

/**
 * Our derivation: with Poisson readers at rate λ, the first early refresh comes on average
 * θ·(ln(λθ) + γ) seconds before expiry (λθ·e^(−R/θ) is exponential with mean 1 when R is the lead).
 */
export function meanLead(rate: number, scale: number): number {
  return scale * (Math.log(rate * scale) + EULER_GAMMA);
}

/**
 * Our derivation: readers who arrive while the first early refresh is in flight (δ seconds) still see the
 * old value and refresh with probability e^(−r/θ); on average e^(δ/θ) − 1 of them do, so the herd is
 * e^(δ/θ) = e^(1/β) for XFetch, whatever the request rate (as long as the refresh usually ends before
 * the expiry).
 */
export function expectedHerd(delta: number, scale: number): number {
  return Math.exp(delta / scale);
}

/** One simulated expiry of a hot key under early refresh: the lead of the first refresh, and the herd. */
export interface EarlyExpiry {
  /** Seconds between the first refresh's start and the expiry (negative if it came after). */
  lead: number;
  /** Loads started before the first one finished, the first included. */
  herd: number;
}

/**
 * Simulates `runs` expiries of a value that expires at time `window`: Poisson readers at `rate` from
 * time 0 (long enough before the expiry that an earlier refresh is vanishingly rare), loads of `delta`
 * seconds, early refresh with scale θ. Uses the stampede lab's herd engine.
 */
export function simulateEarlyExpiries(seed: number, runs: number, rate: number, delta: number, scale: number): EarlyExpiry[] {
  const rng = createRng(seed);
  // Start 10 scales further back than the mean lead: a refresh before that has probability ~e^(−10).
  const window = Math.max(meanLead(rate, scale), 0) + 10 * scale + delta;
  const out: EarlyExpiry[] = [];
  for (let run = 0; run < runs; run++) {
    const arrivals: number[] = [];
    for (let t = -Math.log(1 - rng.next()) / rate; t < window + delta; t -= Math.log(1 - rng.next()) / rate) arrivals.push(t);
    const { loadStarts } = runHerd({ arrivals, loadTime: delta, ttl: 1e9, expiresAt: window, policy: earlyRecompute(scale, () => 1 - rng.next()) });
    const first = loadStarts[0];
    if (first === undefined) continue;
    out.push({ lead: window - first, herd: loadStarts.filter((s) => s < first + delta).length });
  }
  return out;
}
