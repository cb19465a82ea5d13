import { describe, expect, it } from 'vitest';
import { caughtByStale } from './prove';

describe('the record of which tests catch each known mistake', () => {
  const graded = new Set(['a', 'b', 'c']);
  const recorded = { slow: ['a', 'b'], random: ['a', 'c'] };

  it('still holds when some of a mistake\'s tests vary between runs (a timeout under load, Math.random)', () => {
    expect(caughtByStale(recorded, { slow: ['a'], random: ['a', 'b'] }, graded)).toBeUndefined();
  });

  it('is stale when a mistake is added or removed', () => {
    expect(caughtByStale(recorded, { slow: ['a'] }, graded)).toBe('its known mistakes changed');
    expect(caughtByStale(recorded, { ...recorded, extra: ['a'] }, graded)).toBe('its known mistakes changed');
  });

  it('is stale when it names a test the lab no longer grades', () => {
    expect(caughtByStale({ slow: ['a', 'gone'], random: ['a'] }, recorded, graded)).toBe('slow: "gone" is not one of its graded tests');
  });

  it('is stale when none of the tests it names catches the mistake any more', () => {
    expect(caughtByStale(recorded, { slow: ['c'], random: ['a'] }, graded)).toBe('slow is no longer caught by any test recorded for it');
  });

  it('is stale when the lab has no record', () => {
    expect(caughtByStale(undefined, recorded, graded)).toBe('no record of its mistakes');
  });
});
