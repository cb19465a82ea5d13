// Autograder for the littles-law lab. Each test is one graded behaviour; points and hints for each
// are in lab.json, keyed by the test's full name. Run: npm run grade littles-law
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectClose, expectExactly, expectRangeError } from '../../src/labkit/assertions';
import {
  capacityPlan,
  littlesLaw,
  minServersForStability,
  serversForUtilization,
  utilization,
} from './littles-law';

/** Fixed seed, so that the same code always meets the same cases and gets the same score. */
const property = { seed: 20261126, numRuns: 300, includeErrorInReport: true } as const;

describe('littlesLaw', () => {
  it('multiplies the arrival rate by the time in the system (1000/s × 0.2 s = 200)', () => {
    expectClose('littlesLaw(1000, 0.2)', littlesLaw(1000, 0.2), 200);
    expectClose('littlesLaw(0.5, 8)', littlesLaw(0.5, 8), 4);
  });

  it('gives zero when nothing arrives or nothing stays', () => {
    expectExactly('littlesLaw(0, 3)', littlesLaw(0, 3), 0);
    expectExactly('littlesLaw(40, 0)', littlesLaw(40, 0), 0);
  });

  it('rejects a negative, NaN or infinite argument with a RangeError naming it', () => {
    expectRangeError('littlesLaw(-1, 0.2)', () => littlesLaw(-1, 0.2), 'arrivalRate');
    expectRangeError('littlesLaw(NaN, 0.2)', () => littlesLaw(Number.NaN, 0.2), 'arrivalRate');
    expectRangeError('littlesLaw(100, -0.5)', () => littlesLaw(100, -0.5), 'timeInSystem');
    expectRangeError('littlesLaw(100, Infinity)', () => littlesLaw(100, Number.POSITIVE_INFINITY), 'timeInSystem');
  });
});

describe('utilization', () => {
  it('is λ/μ for a single server when servers is left out', () => {
    expectClose('utilization(15, 20)', utilization(15, 20), 0.75);
    expectClose('utilization(15, 20, 1)', utilization(15, 20, 1), 0.75);
  });

  it('spreads the load over c servers: λ / (c·μ)', () => {
    expectClose('utilization(2000, 20, 125)', utilization(2000, 20, 125), 0.8);
    expectClose('utilization(30, 10, 4)', utilization(30, 10, 4), 0.75);
  });

  it('rejects a zero service rate and a server count that is not a positive integer', () => {
    expectRangeError('utilization(10, 0)', () => utilization(10, 0), 'serviceRate');
    expectRangeError('utilization(-3, 10)', () => utilization(-3, 10), 'arrivalRate');
    expectRangeError('utilization(10, 20, 0)', () => utilization(10, 20, 0), 'servers');
    expectRangeError('utilization(10, 20, 2.5)', () => utilization(10, 20, 2.5), 'servers');
  });
});

describe('minServersForStability', () => {
  it('rounds a fractional load up (250/s at 20/s per server needs 13)', () => {
    expectExactly('minServersForStability(250, 20)', minServersForStability(250, 20), 13);
    expectExactly('minServersForStability(3, 2)', minServersForStability(3, 2), 2);
  });

  it('needs λ/μ + 1 servers when λ/μ is a whole number (2000/s at 20/s needs 101, not 100)', () => {
    expectExactly(
      'minServersForStability(2000, 20), where 100 servers would run at exactly ρ = 1 and never catch up,',
      minServersForStability(2000, 20),
      101,
    );
    expectExactly('minServersForStability(500, 50)', minServersForStability(500, 50), 11);
    expectExactly('minServersForStability(10000, 10)', minServersForStability(10000, 10), 1001);
  });

  it('needs at least one server, even with no load', () => {
    expectExactly('minServersForStability(0, 20)', minServersForStability(0, 20), 1);
    expectExactly('minServersForStability(0.5, 20)', minServersForStability(0.5, 20), 1);
  });

  it('rejects a negative or NaN arrival rate and a zero or infinite service rate with a RangeError naming it', () => {
    expectRangeError('minServersForStability(-1, 20)', () => minServersForStability(-1, 20), 'arrivalRate');
    expectRangeError('minServersForStability(NaN, 20)', () => minServersForStability(Number.NaN, 20), 'arrivalRate');
    expectRangeError('minServersForStability(100, 0)', () => minServersForStability(100, 0), 'serviceRate');
    expectRangeError('minServersForStability(100, Infinity)', () => minServersForStability(100, Number.POSITIVE_INFINITY), 'serviceRate');
  });

  it('returns a stable count for any integer rates, and one server fewer would not be stable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 999 }), (serviceRate, whole, extra) => {
        // λ = whole·μ + extra·μ/1000 reaches whole-number loads often, and fractional ones too.
        const arrivalRate = whole * serviceRate + Math.floor((extra * serviceRate) / 1000);
        const c = minServersForStability(arrivalRate, serviceRate);
        const what = `minServersForStability(${arrivalRate}, ${serviceRate}) = ${c}`;
        if (!Number.isInteger(c) || c < 1) throw new Error(`${what}, but it should be an integer >= 1`);
        if (!(arrivalRate / (c * serviceRate) < 1)) throw new Error(`${what}, but λ/(c·μ) = ${arrivalRate / (c * serviceRate)} is not below 1`);
        if (c > 1 && arrivalRate / ((c - 1) * serviceRate) < 1) throw new Error(`${what}, but ${c - 1} servers would already be stable`);
      }),
      property,
    );
  });
});

describe('serversForUtilization', () => {
  it('finds 143 servers for 2000/s at 20/s per server with a 70% target', () => {
    expectExactly('serversForUtilization(2000, 20, 0.7)', serversForUtilization(2000, 20, 0.7), 143);
    expectExactly('serversForUtilization(10, 1, 0.5)', serversForUtilization(10, 1, 0.5), 20);
    expectExactly('serversForUtilization(0, 20, 0.7), with no load at all,', serversForUtilization(0, 20, 0.7), 1);
  });

  it('accepts a pool that lands exactly on the target (3/s at 1/s per server, target 0.75 → 4)', () => {
    expectExactly('serversForUtilization(3, 1, 0.75), where 4 servers run at exactly 75%,', serversForUtilization(3, 1, 0.75), 4);
    expectExactly('serversForUtilization(1, 2, 0.5)', serversForUtilization(1, 2, 0.5), 1);
  });

  it('lands exactly on a target that has no exact binary form (21/s at 1/s per server, target 0.7 → 30, not 31)', () => {
    expectExactly(
      'serversForUtilization(21, 1, 0.7), where 30 servers run at 21/30 = 0.7 exactly (but 21 / 0.7 is 30.000000000000004 in floating point),',
      serversForUtilization(21, 1, 0.7),
      30,
    );
    expectExactly('serversForUtilization(42, 4, 0.7)', serversForUtilization(42, 4, 0.7), 15);
  });

  it('rejects a target outside (0, 1) or NaN, and a bad rate, with a RangeError naming the argument', () => {
    expectRangeError('serversForUtilization(10, 1, 0)', () => serversForUtilization(10, 1, 0), 'target');
    expectRangeError('serversForUtilization(10, 1, 1)', () => serversForUtilization(10, 1, 1), 'target');
    expectRangeError('serversForUtilization(10, 1, 1.2)', () => serversForUtilization(10, 1, 1.2), 'target');
    expectRangeError('serversForUtilization(10, 1, NaN)', () => serversForUtilization(10, 1, Number.NaN), 'target');
    expectRangeError('serversForUtilization(-10, 1, 0.7)', () => serversForUtilization(-10, 1, 0.7), 'arrivalRate');
    expectRangeError('serversForUtilization(10, 0, 0.7)', () => serversForUtilization(10, 0, 0.7), 'serviceRate');
  });

  it('returns the fewest servers at or under the target for any rates and targets', () => {
    const tolerance = 1e-12;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 99 }),
        (arrivalRate, serviceRate, percent) => {
          const target = percent / 100;
          const c = serversForUtilization(arrivalRate, serviceRate, target);
          const what = `serversForUtilization(${arrivalRate}, ${serviceRate}, ${target}) = ${c}`;
          if (!Number.isInteger(c) || c < 1) throw new Error(`${what}, but it should be an integer >= 1`);
          const rho = arrivalRate / (c * serviceRate);
          if (rho > target + tolerance) throw new Error(`${what}, but that pool runs at ${rho}, above the target`);
          const fewer = arrivalRate / ((c - 1) * serviceRate);
          if (c > 1 && fewer <= target - tolerance) throw new Error(`${what}, but ${c - 1} servers (at ${fewer}) already meet the target`);
        },
      ),
      property,
    );
  });
});

describe('capacityPlan', () => {
  it('plans the REST API: 2000 req/s at 50 ms → 100 in service, 101 minimum, 143 recommended at 69.9%', () => {
    const plan = capacityPlan({ arrivalRate: 2000, serviceTimeMs: 50 });
    expectClose('inService (λ·E[S] = 2000 × 0.05 s)', plan.inService, 100);
    expectExactly('minServers', plan.minServers, 101);
    expectExactly('recommendedServers at the default 70% target', plan.recommendedServers, 143);
    expectClose('utilization at 143 servers', plan.utilization, 2000 / (143 * 20));
  });

  it('plans the database pool: 500 queries/s at 20 ms → 10 in service, 11 minimum, 15 recommended at 66.7%', () => {
    const plan = capacityPlan({ arrivalRate: 500, serviceTimeMs: 20 });
    expectClose('inService (500 × 0.02 s)', plan.inService, 10);
    expectExactly('minServers', plan.minServers, 11);
    expectExactly('recommendedServers at the default 70% target', plan.recommendedServers, 15);
    expectClose('utilization at 15 connections', plan.utilization, 500 / (15 * 50));
  });

  it('plans the Kafka consumers: 10 000 msg/s at 100 ms → 1000 in service, 1001 minimum, 1429 recommended at 70.0%', () => {
    const plan = capacityPlan({ arrivalRate: 10_000, serviceTimeMs: 100 });
    expectClose('inService (10 000 × 0.1 s)', plan.inService, 1000);
    expectExactly('minServers', plan.minServers, 1001);
    expectExactly('recommendedServers at the default 70% target', plan.recommendedServers, 1429);
    expectClose('utilization at 1429 consumers', plan.utilization, 10_000 / (1429 * 10));
  });

  it('uses targetUtilization when it is given', () => {
    const plan = capacityPlan({ arrivalRate: 2000, serviceTimeMs: 50, targetUtilization: 0.5 });
    expectExactly('recommendedServers at a 50% target', plan.recommendedServers, 200);
    expectClose('utilization at 200 servers', plan.utilization, 0.5);
    expectExactly('minServers (does not depend on the target)', plan.minServers, 101);
  });

  it('rejects a bad workload with a RangeError naming the field', () => {
    expectRangeError('capacityPlan({ arrivalRate: -5, serviceTimeMs: 50 })', () => capacityPlan({ arrivalRate: -5, serviceTimeMs: 50 }), 'arrivalRate');
    expectRangeError('capacityPlan({ arrivalRate: 100, serviceTimeMs: 0 })', () => capacityPlan({ arrivalRate: 100, serviceTimeMs: 0 }), 'serviceTimeMs');
    expectRangeError(
      'capacityPlan({ arrivalRate: 100, serviceTimeMs: 50, targetUtilization: 1 })',
      () => capacityPlan({ arrivalRate: 100, serviceTimeMs: 50, targetUtilization: 1 }),
      'targetUtilization',
    );
  });
});
