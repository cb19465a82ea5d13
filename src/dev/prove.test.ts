import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMistakes } from '../grader/lab-target';
import { loadLabs } from '../labs/catalog';
import { LABS_DIR } from '../labs/layout';
import { root } from './generated';
import { caughtByStale, invalidGradings, mistakesOf, proofPlan, timedOutOnlyOnPage } from './prove';

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

describe('the plan of the proofs\' gradings', () => {
  const labs = loadLabs(join(root, LABS_DIR));
  const plan = proofPlan(labs, 3);

  it('grades the reference and the starter first as npm run grade does, a worker process per lab file', () => {
    expect(plan.slice(0, 2).map(({ target, labs: only, shareWorker }) => [target, only.length, shareWorker])).toEqual([
      ['reference', labs.length, false],
      ['student', labs.length, false],
    ]);
  });

  it('grades the reference again, and every round of mistakes, with one worker process per grading', () => {
    expect(plan.slice(2, 4).map(({ target, shareWorker }) => [target, shareWorker])).toEqual([
      ['reference', true],
      ['reference', true],
    ]);
    expect(plan.slice(4).every((grading) => grading.shareWorker)).toBe(true);
  });

  it('grades every known mistake exactly once, each in a grading of its own lab, at most one per lab in a grading', () => {
    const graded = plan.slice(4).flatMap(({ target, labs: only }) => {
      const byLab = parseMistakes(target);
      expect([...byLab.keys()]).toEqual(only.map((lab) => lab.id));
      return [...byLab].map(([lab, name]) => `${lab}/${name}`);
    });
    const known = labs.flatMap((lab) => mistakesOf(lab).map((name) => `${lab.id}/${name}`));
    expect(graded.sort()).toEqual(known.sort());
    expect(plan.length).toBe(4 + Math.max(...labs.map((lab) => mistakesOf(lab).length)));
  });
});

describe('a known mistake graded in a shared worker process', () => {
  it('must leave its grading valid: one that is not fails the proofs, saying why', () => {
    expect(invalidGradings([['labs/a/.meta/mistakes/x.ts', { valid: true }]])).toEqual([]);
    expect(invalidGradings([['labs/a/.meta/mistakes/x.ts', { valid: true }], ['labs/b/.meta/mistakes/y.ts', { valid: false, invalid: 'lab code changed built-ins' }]])).toEqual([
      'the grading of the known mistake labs/b/.meta/mistakes/y.ts is not valid (lab code changed built-ins): it shared a worker process with the other labs of its round, so neither it nor the labs graded after it can be trusted',
    ]);
  });
});

describe('the page compared with the grader', () => {
  const lab = (...statuses: string[]) => ({ tests: statuses.map((status) => ({ status })) }) as unknown as Parameters<typeof timedOutOnlyOnPage>[0];
  it('runs the page again only when a test timed out in the page and not in the grader (load, not logic)', () => {
    expect(timedOutOnlyOnPage(lab('passed', 'timeout'), lab('passed', 'passed'))).toBe(true);
    expect(timedOutOnlyOnPage(lab('passed', 'timeout'), lab('passed', 'failed'))).toBe(true);
    expect(timedOutOnlyOnPage(lab('passed', 'timeout'), lab('passed', 'timeout'))).toBe(false);
    expect(timedOutOnlyOnPage(lab('passed', 'failed'), lab('passed', 'passed'))).toBe(false);
    expect(timedOutOnlyOnPage(lab('passed', 'passed'), lab('passed', 'timeout'))).toBe(false);
  });
});
