import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fittedSampler } from '../../common/distributions';
import { simulateQueue } from './queue-simulator';
import { createRng } from '../../common/rng';

/**
 * A second method for the same sample path: the Kiefer–Wolfowitz recursion. Customers are served in
 * arrival order, each by the server that frees up first, so keeping the servers' free times sorted is
 * enough; no event list.
 */
function waitsByRecursion(gaps: number[], services: number[], servers: number): number[] {
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

describe('simulateQueue', () => {
  it('gives the same waits as the Kiefer–Wolfowitz recursion for random G/G/c paths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (servers, n, seed) => {
        const rng = createRng(seed);
        const gaps = Array.from({ length: n }, fittedSampler(rng, 1, 2));
        const services = Array.from({ length: n }, fittedSampler(rng, servers * 0.9, 0.5));
        let i = 0;
        let j = 0;
        const run = simulateQueue({ servers, customers: n, interarrivalTime: () => gaps[i++]!, serviceTime: () => services[j++]! });
        const want = waitsByRecursion(gaps, services, servers);
        return Array.from(run.timesInQueue).every((w, k) => Math.abs(w - want[k]!) < 1e-9);
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  it('never waits when there is always a free server', () => {
    const run = simulateQueue({ servers: 1, customers: 1000, interarrivalTime: () => 1, serviceTime: () => 0.5 });
    expect(run.timesInQueue.every((w) => w === 0)).toBe(true);
    expect(run.utilization).toBeCloseTo(0.5, 2);
  });

  it('grows its waiting line past its first capacity, keeping arrival order', () => {
    const run = simulateQueue({ servers: 1, customers: 1000, interarrivalTime: () => 0, serviceTime: () => 1 });
    expect(Array.from(run.timesInQueue)).toEqual(Array.from({ length: 1000 }, (_, k) => k));
  });

  it('names the option or sampler it rejects', () => {
    const ok = { servers: 1, customers: 5, interarrivalTime: () => 1, serviceTime: () => 1 };
    expect(() => simulateQueue({ ...ok, servers: 0 })).toThrow(/servers/);
    expect(() => simulateQueue({ ...ok, customers: 2.5 })).toThrow(/customers/);
    expect(() => simulateQueue({ ...ok, serviceTime: () => Number.NaN })).toThrow(/serviceTime returned NaN/);
  });
});

