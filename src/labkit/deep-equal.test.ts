import { isDeepStrictEqual as nodeEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from './deep-equal';

describe('labkit isDeepStrictEqual', () => {
  it('agrees with node:util on arbitrary pairs of values', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withDate: true, withBoxedValues: true, withNullPrototype: true }), fc.anything({ withMap: true, withSet: true }), (a, b) => {
        expect(isDeepStrictEqual(a, b)).toBe(nodeEqual(a, b));
        expect(isDeepStrictEqual(a, structuredClone(a))).toBe(nodeEqual(a, structuredClone(a)));
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('agrees with node:util on the cases that differ between loose and strict equality', () => {
    const cases: [unknown, unknown][] = [
      [0, -0], [NaN, NaN], [1, '1'], [[1, 2], [1, 2]], [[1, 2], [2, 1]], [{ a: 1 }, { a: 1, b: undefined }],
      [new Map([[{ k: 1 }, 2]]), new Map([[{ k: 1 }, 2]])], [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])],
      [new Date(5), new Date(5)], [new Date(5), new Date(6)], [/a/g, /a/g], [/a/g, /a/i], [[, 1], [undefined, 1]],
      [Object.create(null), {}], [new RangeError('x'), new RangeError('x')], [new RangeError('x'), new TypeError('x')],
      [[{ id: 'm1' }], [{ id: 'm1' }]], [['m1', 'm2'], ['m1']],
    ];
    cases.forEach(([a, b], i) => expect(isDeepStrictEqual(a, b), `case ${i}`).toBe(nodeEqual(a, b)));
  });
});
