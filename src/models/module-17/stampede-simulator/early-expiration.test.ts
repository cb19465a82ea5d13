import { describe, expect, it } from 'vitest';
import { expectMeanNear } from '../../../labkit/batch-means';
import { createRng } from '../../common/rng';
import {
  earlyRefreshProbability,
  expectedHerd,
  expectedSequentialRefreshes,
  meanLead,
  simulateEarlyExpiries,
  simulateSequentialRefreshes,
} from './early-expiration';

describe('earlyRefreshProbability', () => {
  it('gives the table of FACTS §2 for δ = 0.2 s, β = 1', () => {
    expect(earlyRefreshProbability(0.05, 0.2)).toBeCloseTo(0.7788, 4);
    expect(earlyRefreshProbability(0.2, 0.2)).toBeCloseTo(0.3679, 4);
    expect(earlyRefreshProbability(1, 0.2)).toBeCloseTo(0.006738, 6);
    expect(earlyRefreshProbability(2, 0.2)).toBeCloseTo(4.54e-5, 7);
  });

  it("is at least 1/e for any fresh key under the article's TTL scale", () => {
    for (const left of [0, 1, 150, 300]) expect(earlyRefreshProbability(left, 300)).toBeGreaterThanOrEqual(Math.exp(-1) - 1e-15);
  });
});

describe("the article's sequential scenario (100 requests, 2 s left, TTL 300 s)", () => {
  it('expects 37.4 refreshes with the TTL in place of δ, and 0.0045 with XFetch’s δ = 0.2 s', () => {
    expect(expectedSequentialRefreshes(100, 2, 300, 300)).toBeCloseTo(37.42, 2);
    expect(expectedSequentialRefreshes(100, 2, 300, 0.2)).toBeCloseTo(0.00453, 5);
  });

  it('agrees with a seeded simulation of 5000 runs', () => {
    const counts = simulateSequentialRefreshes(createRng(20261126), 5000, 100, 2, 300, 300);
    // Independent runs; P(|t₃₉| > 8.74) = 1e-10 for the batch-means interval.
    expectMeanNear('refreshes per run', counts, expectedSequentialRefreshes(100, 2, 300, 300), 1e-10);
    expect(Math.min(...counts)).toBeGreaterThan(10);
  });
});

describe('XFetch under Poisson readers (λ = 100/s, δ = 0.2 s)', () => {
  it('refreshes first 0.714 s before expiry on average with β = 1, as θ·(ln λθ + γ) predicts', () => {
    expect(meanLead(100, 0.2)).toBeCloseTo(0.7146, 4);
    const runs = simulateEarlyExpiries(20261126, 2000, 100, 0.2, 0.2);
    expectMeanNear('lead of the first early refresh (s)', runs.map((r) => r.lead), meanLead(100, 0.2), 1e-10);
  });

  for (const beta of [1, 1.5, 2]) {
    it(`has a mean herd of e^(1/β) = ${expectedHerd(0.2, 0.2 * beta).toFixed(3)} with β = ${beta}`, () => {
      const runs = simulateEarlyExpiries(20261126 + beta * 10, 2000, 100, 0.2, 0.2 * beta);
      expect(runs.length).toBe(2000);
      expectMeanNear('loads started before the first one finished', runs.map((r) => r.herd), expectedHerd(0.2, 0.2 * beta), 1e-10);
    });
  }
});
