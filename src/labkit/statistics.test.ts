import { describe, expect, it } from 'vitest';
import { batchMeans, studentQuantile, studentTwoSidedTail } from './statistics';

describe("Student's t", () => {
  it('matches printed tables', () => {
    expect(studentQuantile(0.05, 10)).toBeCloseTo(2.228139, 5);
    expect(studentQuantile(0.01, 5)).toBeCloseTo(4.032143, 5);
    expect(studentQuantile(0.05, 1e7)).toBeCloseTo(1.959964, 5);
    expect(studentTwoSidedTail(1, 1)).toBeCloseTo(0.5, 12); // Cauchy: P(|T| > 1) = 1/2
  });

  it('gives the autograders’ multiplier: P(|t₃₉| > 8.74) = 1e-10', () => {
    const q = studentQuantile(1e-10, 39);
    expect(q).toBeCloseTo(8.7412, 3);
    expect(studentTwoSidedTail(q, 39)).toBeCloseTo(1e-10, 15);
  });
});

describe('batchMeans', () => {
  it('averages equal batches and estimates the standard error from them', () => {
    const r = batchMeans([1, 3, 5, 7], 2); // batch means 2 and 6
    expect(r.mean).toBe(4);
    expect(r.standardError).toBeCloseTo(Math.sqrt(8 / 2), 12); // s² = 8 over 2 batches
  });

  it('rejects too few values or batches', () => {
    expect(() => batchMeans([1], 2)).toThrow(RangeError);
    expect(() => batchMeans([1, 2, 3], 1)).toThrow(/batches/);
  });
});
