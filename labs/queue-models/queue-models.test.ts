// Autograder for the queue-models lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade queue-models
import fc from 'fast-check';
import { assert, describe, it } from 'vitest';
import { describeValue, expectClose, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { expectMeanNear } from '../../src/labkit/batch-means';
import { deterministicSampler, erlangSampler, exponentialSampler, fittedSampler, hyperexponentialSampler } from '../../src/models/common/distributions';
import { createRng } from '../../src/models/common/rng';
import {
  erlangC,
  fewestServersForWait,
  kingmanWait,
  mm1,
  mmc,
  probabilityWaitExceeds,
  simulateQueue,
  type Sampler,
  type SimulationResult,
} from './queue-models';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 200 } as const;

/** `got` within a relative `tolerance` of `want` (floating-point rounding differs between correct solutions). */
function expectRelative(what: string, got: unknown, want: number, tolerance = 1e-9): void {
  if (typeof got !== 'number' || !(Math.abs(got - want) <= tolerance * Math.abs(want))) {
    assert.fail(`${what} should be ${want} (to ${tolerance} relative), but it was ${describeValue(got)}`);
  }
}

/**
 * Erlang C for the M/M/c table (λ = 2000/s, μ = 20/s, so a = 100) and for large pools, computed
 * exactly in rational arithmetic (BigInt numerator and denominator of the closed form) and rounded
 * once; docs/sources.md gives the first six digits of the first four.
 */
const exactErlangC: Record<string, number> = {
  '101,100': 0.8833145020395827,
  '105,100': 0.5157074268123089,
  '110,100': 0.23700750028505274,
  '120,100': 0.03319589535475706,
  '200,180': 0.09447121817759081,
  '500,480': 0.26651251996236414,
  '1000,950': 0.06825341537714143,
};

/** Erlang C by the closed form, term by term: a second method for small c only (aᶜ overflows beyond). */
function smallErlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1; // aᵏ/k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

/** P(Wq > t) for M/M/c through the Erlang B recursion, written out here as the tests' own second method. */
function tailByRecursion(lambda: number, mu: number, c: number, t: number): number {
  const a = lambda / mu;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return ((c * b) / (c - a * (1 - b))) * Math.exp(-(c * mu - lambda) * t);
}

/**
 * A second method for a first-come-first-served queue with c servers, the Kiefer–Wolfowitz recursion:
 * customers start in arrival order, each on the server that frees up first, so the servers' free times
 * are all the state there is. Returns each customer's wait.
 */
function waitsByRecursion(gaps: readonly number[], services: readonly number[], servers: number): number[] {
  const free = new Array<number>(servers).fill(0);
  let arrival = 0;
  return gaps.map((gap, i) => {
    arrival += gap;
    free.sort((x, y) => x - y);
    const start = Math.max(arrival, free[0]!);
    free[0] = start + services[i]!;
    return start - arrival;
  });
}

/** A sampler that returns the given times in order (and 1 s for any draw past the end). */
function times(...values: number[]): Sampler {
  let i = 0;
  return () => (i < values.length ? values[i++]! : 1);
}

/** Element-wise b − a, e.g. each customer's service time from its times in system and in queue. */
function difference(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[i]! - a[i]!;
  return out;
}

function expectSequence(what: string, got: ArrayLike<number> | undefined, want: readonly number[]): void {
  const list = got ? Array.from(got) : got;
  if (!list || list.length !== want.length || list.some((x, i) => !(Math.abs(x - want[i]!) <= 1e-12))) {
    expectExactly(what, list, want);
  }
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

describe('mm1', () => {
  it('matches the M/M/1 table for μ = 20/s: W = 100, 166.7, 250, 500, 1000, 5000 ms at ρ = 0.5 … 0.99', () => {
    const table = [
      [0.5, 100, 50],
      [0.7, 166.667, 116.667],
      [0.8, 250, 200],
      [0.9, 500, 450],
      [0.95, 1000, 950],
      [0.99, 5000, 4950],
    ] as const;
    for (const [rho, wMs, wqMs] of table) {
      const m = mm1(rho * 20, 20);
      const call = `mm1(${rho * 20}, 20)`;
      expectRelative(`${call}.utilization`, m.utilization, rho);
      // The table rounds to 0.001 ms.
      expectClose(`${call}.timeInSystem (s)`, m.timeInSystem, wMs / 1000, 1e-6);
      expectClose(`${call}.timeInQueue (s)`, m.timeInQueue, wqMs / 1000, 1e-6);
      expectRelative(`${call}.inSystem, ρ/(1−ρ)`, m.inSystem, rho / (1 - rho));
      expectRelative(`${call}.inQueue, ρ²/(1−ρ)`, m.inQueue, (rho * rho) / (1 - rho));
    }
  });

  it('rejects an unstable queue (λ >= μ), naming arrivalRate, and bad rates, naming them', () => {
    expectRangeError('mm1(20, 20), where ρ = 1,', () => mm1(20, 20), 'arrivalRate');
    expectRangeError('mm1(25, 20)', () => mm1(25, 20), 'arrivalRate');
    expectRangeError('mm1(-1, 20)', () => mm1(-1, 20), 'arrivalRate');
    expectRangeError('mm1(NaN, 20)', () => mm1(Number.NaN, 20), 'arrivalRate');
    expectRangeError('mm1(10, 0)', () => mm1(10, 0), 'serviceRate');
    expectRangeError('mm1(10, Infinity)', () => mm1(10, Number.POSITIVE_INFINITY), 'serviceRate');
  });
});

describe('erlangC', () => {
  it('gives the probability of waiting of the M/M/c table: C(101, 100) = 0.883315 … C(120, 100) = 0.033196', () => {
    for (const c of [101, 105, 110, 120]) {
      expectRelative(`erlangC(${c}, 100)`, erlangC(c, 100), exactErlangC[`${c},100`]!);
    }
    expectRelative('erlangC(1, 0.3), one server, where C = ρ,', erlangC(1, 0.3), 0.3);
    expectRelative('erlangC(5, 4)', erlangC(5, 4), smallErlangC(5, 4));
    expectExactly('erlangC(3, 0), with no load,', erlangC(3, 0), 0);
  });

  it('stays finite and accurate for hundreds of servers: C(200, 180), C(500, 480), C(1000, 950)', () => {
    for (const [c, a] of [
      [200, 180],
      [500, 480],
      [1000, 950],
    ] as const) {
      expectRelative(`erlangC(${c}, ${a}), where ${a}^${c} and ${c}! overflow a double,`, erlangC(c, a), exactErlangC[`${c},${a}`]!);
    }
  });

  it('rejects a load of c or more (no steady state), naming offeredLoad, and a bad server count, naming servers', () => {
    expectRangeError('erlangC(100, 100)', () => erlangC(100, 100), 'offeredLoad');
    expectRangeError('erlangC(10, 12)', () => erlangC(10, 12), 'offeredLoad');
    expectRangeError('erlangC(3, -1)', () => erlangC(3, -1), 'offeredLoad');
    expectRangeError('erlangC(0, 0.5)', () => erlangC(0, 0.5), 'servers');
    expectRangeError('erlangC(2.5, 1)', () => erlangC(2.5, 1), 'servers');
  });
});

describe('mmc', () => {
  it('gives the M/M/c table’s mean wait, Wq = C(c, a)/(cμ − λ): 44.166 ms at c = 101 … 0.0830 ms at c = 120', () => {
    for (const c of [101, 105, 110, 120]) {
      const m = mmc(2000, 20, c);
      const erlang = exactErlangC[`${c},100`]!;
      expectRelative(`mmc(2000, 20, ${c}).probabilityOfWaiting`, m.probabilityOfWaiting, erlang);
      expectRelative(`mmc(2000, 20, ${c}).timeInQueue (s)`, m.timeInQueue, erlang / (c * 20 - 2000));
    }
  });

  it('uses ρ = λ/(cμ) and ties its numbers together: W = Wq + 1/μ, L = λW, Lq = λWq, and mm1 for one server', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 99 }), (c, mu, percent) => {
        const lambda = (c * mu * percent) / 100;
        const m = mmc(lambda, mu, c);
        const call = `mmc(${lambda}, ${mu}, ${c})`;
        expectRelative(`${call}.utilization, λ/(cμ),`, m.utilization, lambda / (c * mu));
        expectRelative(`${call}.timeInSystem, Wq + 1/μ,`, m.timeInSystem, m.timeInQueue + 1 / mu);
        expectRelative(`${call}.inSystem, λW,`, m.inSystem, lambda * m.timeInSystem);
        expectRelative(`${call}.inQueue, λWq,`, m.inQueue, lambda * m.timeInQueue);
        if (c === 1) expectRelative(`${call}.timeInQueue, as mm1's,`, m.timeInQueue, mm1(lambda, mu).timeInQueue);
      }),
      property,
    );
  });

  it('rejects an unstable pool (λ >= cμ, so also 100 servers for a load of exactly 100), naming arrivalRate', () => {
    expectRangeError('mmc(2000, 20, 100), where ρ = 1,', () => mmc(2000, 20, 100), 'arrivalRate');
    expectRangeError('mmc(2000, 20, 90)', () => mmc(2000, 20, 90), 'arrivalRate');
    expectRangeError('mmc(10, 20, 0)', () => mmc(10, 20, 0), 'servers');
    expectRangeError('mmc(10, 20, 1.5)', () => mmc(10, 20, 1.5), 'servers');
    expectRangeError('mmc(10, -20, 2)', () => mmc(10, -20, 2), 'serviceRate');
  });
});

describe('probabilityWaitExceeds', () => {
  it('is C·e^{−(cμ − λ)t}: the table’s P(Wq > 20 ms) = 0.5921 … 1.1e-5, and C itself at t = 0', () => {
    for (const c of [101, 105, 110, 120]) {
      const erlang = exactErlangC[`${c},100`]!;
      const want = erlang * Math.exp(-(c * 20 - 2000) * 0.02);
      expectRelative(`probabilityWaitExceeds(2000, 20, ${c}, 0.02)`, probabilityWaitExceeds(2000, 20, c, 0.02), want);
      expectRelative(`probabilityWaitExceeds(2000, 20, ${c}, 0)`, probabilityWaitExceeds(2000, 20, c, 0), erlang);
    }
    expectRelative('probabilityWaitExceeds(16, 20, 1, 0.1)', probabilityWaitExceeds(16, 20, 1, 0.1), 0.8 * Math.exp(-0.4));
  });

  it('rejects a negative or NaN threshold, naming it, and an unstable pool, naming arrivalRate', () => {
    expectRangeError('probabilityWaitExceeds(2000, 20, 105, -0.02)', () => probabilityWaitExceeds(2000, 20, 105, -0.02), 'threshold');
    expectRangeError('probabilityWaitExceeds(2000, 20, 105, NaN)', () => probabilityWaitExceeds(2000, 20, 105, Number.NaN), 'threshold');
    expectRangeError('probabilityWaitExceeds(2000, 20, 100, 0.02)', () => probabilityWaitExceeds(2000, 20, 100, 0.02), 'arrivalRate');
    expectRangeError('probabilityWaitExceeds(2000, 20, 0, 0.02)', () => probabilityWaitExceeds(2000, 20, 0, 0.02), 'servers');
  });
});

describe('fewestServersForWait', () => {
  it('needs 106 servers for P(Wq > 20 ms) <= 5% at 2000/s and 50 ms (105 servers leave 6.98%)', () => {
    expectExactly('fewestServersForWait(2000, 20, 0.02, 0.05)', fewestServersForWait(2000, 20, 0.02, 0.05), 106);
    expectExactly('fewestServersForWait(2000, 20, 0.02, 0.005)', fewestServersForWait(2000, 20, 0.02, 0.005), 110);
    expectExactly('fewestServersForWait(80, 20, 0, 0.2)', fewestServersForWait(80, 20, 0, 0.2), 7);
  });

  it('accepts a pool that lands exactly on the target (one server at ρ = 0.5 has P(Wq > 0) = 0.5 <= 0.5)', () => {
    expectExactly(
      'fewestServersForWait(1, 2, 0, 0.5), where one server has P(Wq > 0) = ρ = 0.5 exactly,',
      fewestServersForWait(1, 2, 0, 0.5),
      1,
    );
    expectExactly('fewestServersForWait(1, 4, 0, 0.25)', fewestServersForWait(1, 4, 0, 0.25), 1);
  });

  it('never returns an unstable pool: with any chance allowed it returns ⌊a⌋ + 1 (101 for a = 100), and 1 with no load', () => {
    expectExactly('fewestServersForWait(2000, 20, 0.02, 1), where 100 servers would run at ρ = 1,', fewestServersForWait(2000, 20, 0.02, 1), 101);
    expectExactly('fewestServersForWait(250, 20, 0, 1)', fewestServersForWait(250, 20, 0, 1), 13);
    expectExactly('fewestServersForWait(0, 20, 0.1, 0.5)', fewestServersForWait(0, 20, 0.1, 0.5), 1);
  });

  it('returns the fewest servers that meet the target for any load up to 2000 erlangs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        (mu, tenths, thresholdMs, percent) => {
          // a = tenths/10 erlangs: whole-number loads come up one time in ten.
          const lambda = (mu * tenths) / 10;
          const threshold = thresholdMs / 1000;
          const p = percent / 100;
          const c = fewestServersForWait(lambda, mu, threshold, p);
          const what = `fewestServersForWait(${lambda}, ${mu}, ${threshold}, ${p}) = ${c}`;
          if (!Number.isInteger(c) || c < 1) throw new Error(`${what}, but it should be an integer >= 1`);
          if (!(lambda < c * mu)) throw new Error(`${what}, but that pool is not stable: λ >= cμ`);
          const tail = tailByRecursion(lambda, mu, c, threshold);
          // A hair of slack either way: a correct solution may round differently from this check.
          if (tail > p * (1 + 1e-9)) throw new Error(`${what}, but that pool has P(Wq > t) = ${tail}, above the target`);
          if (lambda < (c - 1) * mu && tailByRecursion(lambda, mu, c - 1, threshold) <= p * (1 - 1e-9)) {
            throw new Error(`${what}, but ${c - 1} servers already meet the target`);
          }
        },
      ),
      property,
    );
  });

  it('rejects a maxProbability outside (0, 1], a negative threshold and bad rates, naming the argument', () => {
    expectRangeError('fewestServersForWait(2000, 20, 0.02, 0)', () => fewestServersForWait(2000, 20, 0.02, 0), 'maxProbability');
    expectRangeError('fewestServersForWait(2000, 20, 0.02, 1.5)', () => fewestServersForWait(2000, 20, 0.02, 1.5), 'maxProbability');
    expectRangeError('fewestServersForWait(2000, 20, 0.02, NaN)', () => fewestServersForWait(2000, 20, 0.02, Number.NaN), 'maxProbability');
    expectRangeError('fewestServersForWait(2000, 20, -1, 0.05)', () => fewestServersForWait(2000, 20, -1, 0.05), 'threshold');
    expectRangeError('fewestServersForWait(-5, 20, 0.02, 0.05)', () => fewestServersForWait(-5, 20, 0.02, 0.05), 'arrivalRate');
    expectRangeError('fewestServersForWait(2000, 0, 0.02, 0.05)', () => fewestServersForWait(2000, 0, 0.02, 0.05), 'serviceRate');
  });
});

describe('kingmanWait', () => {
  it('gives 200 ms at ρ = 0.8 and E[S] = 50 ms with cₐ² = cₛ² = 1, and 500 ms with cₐ² = 4', () => {
    expectRelative('kingmanWait(16, 20, 1, 1), the M/M/1 wait,', kingmanWait(16, 20, 1, 1), 0.2);
    expectRelative('kingmanWait(16, 20, 4, 1), with bursty arrivals,', kingmanWait(16, 20, 4, 1), 0.5);
    expectRelative('kingmanWait(14, 20, 1, 0), M/D/1,', kingmanWait(14, 20, 1, 0), (0.7 / 0.3) * 0.5 * 0.05);
    expectExactly('kingmanWait(16, 20, 0, 0), where nothing varies,', kingmanWait(16, 20, 0, 0), 0);
  });

  it('is ρ/(1−ρ)·(cₐ² + cₛ²)/2·E[S] for any stable load and variability', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (mu, percent, a4, s4) => {
        const lambda = (mu * percent) / 100;
        const rho = lambda / mu;
        const [ca2, cs2] = [a4 / 4, s4 / 4];
        const want = (rho / (1 - rho)) * ((ca2 + cs2) / 2) * (1 / mu);
        expectRelative(`kingmanWait(${lambda}, ${mu}, ${ca2}, ${cs2})`, kingmanWait(lambda, mu, ca2, cs2), want);
      }),
      property,
    );
  });

  it('rejects ρ >= 1, naming arrivalRate, and a negative or NaN coefficient, naming it', () => {
    expectRangeError('kingmanWait(20, 20, 1, 1)', () => kingmanWait(20, 20, 1, 1), 'arrivalRate');
    expectRangeError('kingmanWait(16, 20, -1, 1)', () => kingmanWait(16, 20, -1, 1), 'arrivalScv');
    expectRangeError('kingmanWait(16, 20, 1, NaN)', () => kingmanWait(16, 20, 1, Number.NaN), 'serviceScv');
    expectRangeError('kingmanWait(16, 0, 1, 1)', () => kingmanWait(16, 0, 1, 1), 'serviceRate');
  });
});

describe('simulateQueue', () => {
  // Two servers. Arrivals at 1, 1.5, 1.75, 2.25, 4.25, 4.75 s; service times 2, 1, 1.5, 0.5, 0.25, 0.5 s.
  // Customers 2 and 3 find both servers busy and wait in line; customer 2 takes the server customer 1
  // frees at 2.5 s, customer 3 the one customer 0 frees at 3 s. All times are exact in binary.
  const trace = (warmupCustomers: number, customers: number): SimulationResult =>
    simulateQueue({
      servers: 2,
      interarrivalTime: times(1, 0.5, 0.25, 0.5, 2, 0.5),
      serviceTime: times(2, 1, 1.5, 0.5, 0.25, 0.5),
      customers,
      warmupCustomers,
    });

  it('follows traces exactly: first come first served on the first free server (by hand, and by a second method)', () => {
    const run = trace(0, 6);
    expectSequence('timesInQueue of the six customers', run.timesInQueue, [0, 0, 0.75, 0.75, 0, 0]);
    expectSequence('timesInSystem of the six customers', run.timesInSystem, [2, 1, 2.25, 1.25, 0.25, 0.5]);
    // 200 customers 1/128 s apart at two servers that take 1 s each: the line grows to about 200 long.
    const gaps = new Array<number>(200).fill(1 / 128);
    const ones = new Array<number>(200).fill(1);
    const stream = simulateQueue({ servers: 2, interarrivalTime: times(...gaps), serviceTime: times(...ones), customers: 200 });
    expectSequence('timesInQueue of 200 customers 1/128 s apart at two 1-second servers', stream.timesInQueue, waitsByRecursion(gaps, ones, 2));
    // Random paths with 1 to 12 servers, checked customer by customer against the recursion.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (servers, n, seed) => {
        const rng = createRng(seed);
        const gapsOf = fittedSampler(rng, 1, 2);
        const serviceOf = fittedSampler(rng, 0.9 * servers, 0.5);
        const randomGaps = Array.from({ length: n }, () => gapsOf());
        const services = Array.from({ length: n }, () => serviceOf());
        const got = simulateQueue({ servers, interarrivalTime: times(...randomGaps), serviceTime: times(...services), customers: n });
        const want = waitsByRecursion(randomGaps, services, servers);
        for (let k = 0; k < n; k++) {
          const w = got.timesInQueue[k];
          if (!(typeof w === 'number' && Math.abs(w - want[k]!) <= 1e-9)) {
            throw new Error(`with ${servers} servers and ${n} customers, customer ${k} waited ${w}, but first come first served gives ${want[k]}`);
          }
          const s = got.timesInSystem[k];
          if (!(typeof s === 'number' && Math.abs(s - want[k]! - services[k]!) <= 1e-9)) {
            throw new Error(`with ${servers} servers and ${n} customers, customer ${k} spent ${s} in the system, but its wait plus service is ${want[k]! + services[k]!}`);
          }
        }
      }),
      { seed: 20261126, numRuns: 100 },
    );
  });

  it('takes its time averages over the window from the first measured arrival until the last customer leaves', () => {
    const run = trace(0, 6);
    // From 1 s to 5.25 s: ∫N dt = 7.25, ∫(line) dt = 1.5, ∫(busy servers) dt = 5.75.
    expectClose('duration', run.duration, 4.25, 1e-12);
    expectClose('averageInSystem', run.averageInSystem, 7.25 / 4.25, 1e-12);
    expectClose('averageInQueue', run.averageInQueue, 1.5 / 4.25, 1e-12);
    expectClose('utilization', run.utilization, 5.75 / (2 * 4.25), 1e-12);
    expectClose('throughput', run.throughput, 6 / 4.25, 1e-12);
    // With customers 0 and 1 as the warm-up, the window opens at 1.75 s, when both are still in service.
    const warm = trace(2, 4);
    expectSequence('timesInQueue after a warm-up of 2', warm.timesInQueue, [0.75, 0.75, 0, 0]);
    expectSequence('timesInSystem after a warm-up of 2', warm.timesInSystem, [2.25, 1.25, 0.25, 0.5]);
    expectClose('duration after a warm-up of 2', warm.duration, 3.5, 1e-12);
    expectClose('averageInSystem after a warm-up of 2 (customers 0 and 1 count while they are inside)', warm.averageInSystem, 6.25 / 3.5, 1e-12);
    expectClose('averageInQueue after a warm-up of 2', warm.averageInQueue, 1.5 / 3.5, 1e-12);
    expectClose('utilization after a warm-up of 2', warm.utilization, 4.75 / (2 * 3.5), 1e-12);
    expectClose('throughput after a warm-up of 2', warm.throughput, 4 / 3.5, 1e-12);
    // One customer who arrives and leaves at the same instant: a window of length 0, averages 0, not NaN.
    const instant = simulateQueue({ servers: 1, interarrivalTime: () => 0.5, serviceTime: () => 0, customers: 1 });
    expectExactly('averageInSystem over a window of length 0', instant.averageInSystem, 0);
    expectExactly('averageInQueue over a window of length 0', instant.averageInQueue, 0);
    expectExactly('utilization over a window of length 0', instant.utilization, 0);
  });

  // The statistical tests below compare a run's means with the formulas. Each check builds a
  // batch-means interval from the run itself (40 batches; Student's t with 39 degrees of freedom) whose
  // chance of missing the true mean is 1e-10, so a correct simulator fails a test of k checks with
  // probability at most k·1e-10 < 1e-9. The seeds are fixed, so a given simulator always gets the same
  // result; the bound is for a correct simulator that draws its random numbers in another order.

  it('M/M/1 at ρ = 0.5 (λ = 10/s, μ = 20/s): mean times in queue and in system agree with 50 ms and 100 ms', () => {
    const run = simulateQueue({
      servers: 1,
      interarrivalTime: exponentialSampler(createRng(101), 1 / 10),
      serviceTime: exponentialSampler(createRng(102), 1 / 20),
      customers: 200_000,
      warmupCustomers: 1000,
    });
    // 3 checks: false-failure probability 3e-10.
    expectMeanNear('mean time in queue (s)', run.timesInQueue, 0.05, 1e-10);
    expectMeanNear('mean time in system (s)', run.timesInSystem, 0.1, 1e-10);
    expectMeanNear('mean of time in system − time in queue, the service time (s)', difference(run.timesInSystem, run.timesInQueue), 0.05, 1e-10);
  });

  it('M/M/c with c = 5 at ρ = 0.8: the share of customers who wait and their mean wait agree with Erlang C', () => {
    const run = simulateQueue({
      servers: 5,
      interarrivalTime: exponentialSampler(createRng(201), 1 / 80),
      serviceTime: exponentialSampler(createRng(202), 1 / 20),
      customers: 200_000,
      warmupCustomers: 1000,
    });
    const waited = Float64Array.from(run.timesInQueue, (w) => (w > 0 ? 1 : 0));
    const c = smallErlangC(5, 4);
    // 2 checks: false-failure probability 2e-10.
    expectMeanNear('share of customers who waited, C(5, 4)', waited, c, 1e-10);
    expectMeanNear('mean time in queue (s), C(5, 4)/(5·20 − 80)', run.timesInQueue, c / 20, 1e-10);
  });

  it('with Poisson arrivals and constant or highly variable service, the mean wait agrees with Kingman (exact for M/G/1)', () => {
    const constant = simulateQueue({
      servers: 1,
      interarrivalTime: exponentialSampler(createRng(301), 1 / 14),
      serviceTime: deterministicSampler(0.05),
      customers: 200_000,
      warmupCustomers: 1000,
    });
    const variable = simulateQueue({
      servers: 1,
      interarrivalTime: exponentialSampler(createRng(303), 1 / 10),
      serviceTime: hyperexponentialSampler(createRng(304), 0.05, 4),
      customers: 200_000,
      warmupCustomers: 1000,
    });
    // 2 checks: false-failure probability 2e-10.
    expectMeanNear('M/D/1 at ρ = 0.7: mean time in queue (s), (0.7/0.3)·(1 + 0)/2·0.05', constant.timesInQueue, (0.7 / 0.3) * 0.5 * 0.05, 1e-10);
    expectMeanNear('M/H2/1 at ρ = 0.5 with cₛ² = 4: mean time in queue (s), 1·(1 + 4)/2·0.05', variable.timesInQueue, 0.125, 1e-10);
  });

  it("obeys Little's Law on every boundary: system (L = λW), queue (Lq = λWq) and servers (c·ρ = λ·E[S])", () => {
    // Three servers, bursty arrivals (cₐ² = 2) and Erlang-2 service. No warm-up, so the window opens
    // and closes on an empty system, and each area under a count equals the sum of the matching times
    // exactly (the sample-path form of Little's Law): only rounding separates the two sides.
    const run = simulateQueue({
      servers: 3,
      interarrivalTime: hyperexponentialSampler(createRng(401), 1 / 45, 2),
      serviceTime: erlangSampler(createRng(402), 0.05, 2),
      customers: 100_000,
    });
    const n = run.timesInSystem.length;
    expectExactly('number of measured customers', n, 100_000);
    const perCustomer = (total: number): number => (run.throughput * total) / n;
    expectRelative('averageInSystem vs throughput × mean time in system', run.averageInSystem, perCustomer(sum(run.timesInSystem)));
    expectRelative('averageInQueue vs throughput × mean time in queue', run.averageInQueue, perCustomer(sum(run.timesInQueue)));
    expectRelative(
      'servers × utilization vs throughput × mean service time',
      3 * run.utilization,
      perCustomer(sum(run.timesInSystem) - sum(run.timesInQueue)),
    );
    expectRelative('throughput vs customers / duration', run.throughput, 100_000 / run.duration);
  });

  it('rejects bad options, and a sampler that returns a negative, NaN or infinite time, with a RangeError naming it', () => {
    const ok = { servers: 1, interarrivalTime: () => 1, serviceTime: () => 0.5, customers: 10 };
    expectRangeError('simulateQueue({ servers: 0, … })', () => simulateQueue({ ...ok, servers: 0 }), 'servers');
    expectRangeError('simulateQueue({ servers: 1.5, … })', () => simulateQueue({ ...ok, servers: 1.5 }), 'servers');
    expectRangeError('simulateQueue({ customers: 0, … })', () => simulateQueue({ ...ok, customers: 0 }), 'customers');
    expectRangeError('simulateQueue({ warmupCustomers: -1, … })', () => simulateQueue({ ...ok, warmupCustomers: -1 }), 'warmupCustomers');
    expectRangeError('a run whose interarrivalTime returns -1', () => simulateQueue({ ...ok, interarrivalTime: () => -1 }), 'interarrivalTime');
    expectRangeError('a run whose interarrivalTime returns NaN', () => simulateQueue({ ...ok, interarrivalTime: () => Number.NaN }), 'interarrivalTime');
    expectRangeError('a run whose interarrivalTime returns -1 on its third draw', () => simulateQueue({ ...ok, interarrivalTime: times(1, 1, -1) }), 'interarrivalTime');
    expectRangeError('a run whose serviceTime returns Infinity', () => simulateQueue({ ...ok, serviceTime: () => Number.POSITIVE_INFINITY }), 'serviceTime');
    expectRangeError('a run whose serviceTime returns -0.5', () => simulateQueue({ ...ok, serviceTime: () => -0.5 }), 'serviceTime');
  });
});
