import { describe, expect, it } from 'vitest';
import type { GradedLab } from '../../grader/scoring';
import { assetUrl, downloadName, hintSteps, initialCode, storageKey, summary } from './lab-editor';

const hints = { question: 'Q?', idea: 'Idea.', section: 'little-s-law' };
const lab = (scores: ('passed' | 'failed')[], diagnosis?: string): GradedLab => ({
  id: 'x',
  title: 'X',
  lesson: 'module-16/x',
  score: scores.filter((s) => s === 'passed').length,
  max: scores.length,
  tests: scores.map((status, i) => ({ name: `t${i}`, status, points: status === 'passed' ? 1 : 0, max: 1, hints })),
  ungraded: [],
  valid: true,
  warnings: [],
  ...(diagnosis ? { diagnosis } : {}),
});

describe('lab editor view-model', () => {
  it('says "N of M points" and the next test to fix', () => {
    expect(summary(lab(['passed', 'failed']))).toBe('1 of 2 points: 1 of 2 tests passed. Next to fix: t1.');
    expect(summary(lab(['passed', 'passed']))).toBe('2 of 2 points: 2 of 2 tests passed. Full marks.');
    expect(summary(lab(['failed'], 'labs/x/x.ts has a syntax error'))).toBe('0 of 1 points: 0 of 1 tests passed. labs/x/x.ts has a syntax error');
  });

  it('opens hints one step at a time, the third a link to the lesson section', () => {
    expect(hintSteps(hints, 0, {})).toEqual([]);
    expect(hintSteps(hints, 2, {}).map((s) => s.text)).toEqual(['Q?', 'Idea.']);
    expect(hintSteps(hints, 3, { 'little-s-law': "Little's Law" })[2]).toEqual({ label: 'Hint 3/3', text: "read the section “Little's Law”", href: '#little-s-law' });
  });

  it('keeps saved code over the starter, but not an empty save', () => {
    expect(initialCode('mine', 'starter')).toBe('mine');
    expect(initialCode(null, 'starter')).toBe('starter');
    expect(initialCode('  ', 'starter')).toBe('starter');
    expect(storageKey('littles-law')).toBe('qc-lab-code:littles-law');
    expect(downloadName('littles-law')).toBe('littles-law.ts');
  });

  it('puts lab assets under the site base', () => {
    expect(assetUrl('/', 'x.tests.js', 'http://h')).toBe('http://h/_labs/x.tests.js');
    expect(assetUrl('/course', 'ts/typescript.js', 'http://h')).toBe('http://h/course/_labs/ts/typescript.js');
  });
});
