/**
 * An assertion for the autograders' statistical tests: a simulated mean agrees with a formula within a
 * batch-means confidence interval computed from the run itself (see statistics.ts for the method).
 */
import { assert } from 'vitest';
import { batchMeans, studentQuantile, type BatchMeans } from './statistics';

/** The number of batches the autograders use, and so the t distribution's 39 degrees of freedom. */
export const BATCHES = 40;

/**
 * Checks that the mean of a simulation output agrees with a formula: |mean − expected| must be within
 * q·s/√B, where P(|t_{B−1}| > q) = falseFailure. So a correct simulator fails this check with
 * probability `falseFailure` (under the batch-means assumptions), and the message says by how much a
 * wrong one missed.
 * @param what what the values are, for the message, e.g. "mean time in queue (s)"
 * @param falseFailure the chance of failing a correct simulator; a test that makes k checks states k·falseFailure
 */
export function expectMeanNear(what: string, values: ArrayLike<number>, expected: number, falseFailure: number, batches = BATCHES): BatchMeans {
  if (values.length < batches) {
    assert.fail(`${what}: expected at least ${batches} measured values to average, but got ${values.length}`);
  }
  const result = batchMeans(values, batches);
  const q = studentQuantile(falseFailure, batches - 1);
  const halfWidth = q * result.standardError;
  if (!(Math.abs(result.mean - expected) <= halfWidth)) {
    assert.fail(
      `${what} should be ${expected} (within ±${halfWidth.toPrecision(3)}, a batch-means interval from the run), ` +
        `but the run measured ${Number.isFinite(result.mean) ? result.mean.toPrecision(6) : result.mean}`,
    );
  }
  return result;
}
