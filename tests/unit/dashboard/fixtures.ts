/**
 * Grade reports and a room of labs for the dashboard's tests: shaped exactly like the grader's
 * (validated with its schema), with made-up labs so the tests do not move when the course's labs do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchema, type Report } from '../../../src/grader/report';
import type { RoomLab } from '../../../src/dashboard/room';

export const COURSE = 'queues-and-caches';

export const labs: RoomLab[] = [
  {
    id: 'alpha',
    title: 'Alpha lab',
    lesson: 'module-1/alpha',
    tests: [
      { name: 'a > one', points: 1, hints: { question: 'What is one?', idea: 'One is one.', section: 'one' } },
      { name: 'a > two', points: 2, hints: { question: 'What is two?', idea: 'Two is two.', section: 'two' } },
    ],
  },
  {
    id: 'beta',
    title: 'Beta lab',
    lesson: 'module-1/beta',
    tests: [{ name: 'b > only', points: 3, hints: { question: 'Why only?', idea: 'Only because.', section: 'only' } }],
  },
];

type Outcome = 'passed' | 'failed' | 'not-started' | 'timeout';

/**
 * A report for some labs, with each test's outcome given in lab order ('p' passed, 'f' failed, 'n' not
 * started); `{ diagnosis }` for a lab that cannot be graded, `{ shortcut }` for one whose code tried a
 * shortcut (the grader then marks it not valid and scores it 0). A 'modified' verdict makes the whole
 * report not valid, as the grader does.
 */
export function report(outcomes: Record<string, string | { diagnosis: string } | { shortcut: string }>, gradedAt = '2026-11-30T10:00:00.000Z', verdict: Report['integrity']['verdict'] = 'intact'): Report {
  const status = (c: string): Outcome => (c === 'p' ? 'passed' : c === 'f' ? 'failed' : c === 't' ? 'timeout' : 'not-started');
  const reportLabs = Object.entries(outcomes).map(([id, outcome]) => {
    const lab = labs.find((l) => l.id === id)!;
    const tests = lab.tests.map((test, i) => {
      if (typeof outcome !== 'string') return { name: test.name, status: 'error' as const, points: 0, max: test.points, message: diagnosisOf(outcome) };
      const s = status(outcome[i] ?? 'n');
      if (s === 'passed') return { name: test.name, status: 'passed' as const, points: test.points, max: test.points };
      if (s === 'not-started') return { name: test.name, status: 'failed' as const, points: 0, max: test.points, message: 'not started yet: the function still throws "not implemented: f"' };
      return { name: test.name, status: s, points: 0, max: test.points, message: 'expected 2, but got 1' };
    });
    return {
      id,
      score: tests.reduce((sum, t) => sum + t.points, 0),
      max: tests.reduce((sum, t) => sum + t.max, 0),
      studentFile: { path: `labs/${id}/${id}.ts`, sha256: 'a'.repeat(64) },
      ...(typeof outcome === 'string' ? {} : { diagnosis: diagnosisOf(outcome) }),
      valid: typeof outcome === 'string' || !('shortcut' in outcome),
      ...(typeof outcome !== 'string' && 'shortcut' in outcome ? { invalid: outcome.shortcut } : {}),
      tests,
    };
  });
  const changed = verdict === 'modified' ? ['labs/alpha/alpha.test.ts'] : [];
  const invalid = [
    ...(changed.length ? [`the grading files were changed: ${changed.join(', ')}`] : []),
    ...reportLabs.filter((l) => !l.valid).map((l) => `${l.id}: ${l.invalid}`),
  ];
  return reportSchema.parse({
    version: 2,
    course: { name: COURSE, version: '0.1.0' },
    gradedAt,
    durationMs: 1200,
    integrity: { verdict, changed, ...(verdict === 'unverified' ? {} : { manifestSha256: 'b'.repeat(64) }) },
    valid: invalid.length === 0,
    invalid,
    score: reportLabs.reduce((sum, l) => sum + l.score, 0),
    max: reportLabs.reduce((sum, l) => sum + l.max, 0),
    labs: reportLabs,
  });
}

function diagnosisOf(outcome: { diagnosis: string } | { shortcut: string }): string {
  return 'diagnosis' in outcome ? outcome.diagnosis : `${outcome.shortcut}. This lab's result is not valid, so it scores 0: remove that code and grade again.`;
}

export const keyA = 'a1'.repeat(32);
export const keyB = 'b2'.repeat(32);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
