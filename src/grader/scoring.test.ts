/**
 * The scoring rules (scoreLab), the folding of the runner's progress events into a file's results
 * (applyEvent), and the watchdog's overdue rule, on hand-made inputs: no Vitest, no processes.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../labs/catalog';
import { labPaths } from '../labs/layout';
import { gradeStudentLab, scoreLab } from './grade';
import { applyEvent, overdue, type FileResult, type FileState, type Running } from './run-tests';

const root = '/course';
const hints = { question: 'q', idea: 'i', section: 's' };
const lab: Lab = {
  id: 'x',
  title: 'X',
  lesson: 'module-16/x',
  timeoutMs: 2000,
  tests: [
    { name: 'f > one', points: 1, hints },
    { name: 'f > two', points: 2, hints },
    { name: 'f > three', points: 3, hints },
  ],
  ...labPaths('/course/labs', 'x'),
};

function result(entries: Partial<FileResult> & { results?: FileResult['results'] }): FileResult {
  return { file: lab.testFile, collected: ['f > one', 'f > two', 'f > three'], results: new Map(), ...entries };
}

describe('scoreLab', () => {
  it('gives each passed test its points and nothing to the others', () => {
    const graded = scoreLab(
      lab,
      result({
        results: new Map([
          ['f > one', { name: 'f > one', status: 'passed' }],
          ['f > two', { name: 'f > two', status: 'failed', error: { name: 'AssertionError', message: 'expected 5 to be 10' } }],
          ['f > three', { name: 'f > three', status: 'passed' }],
        ]),
      }),
      root,
    );
    expect(graded.tests.map((t) => [t.status, t.points, t.max])).toEqual([
      ['passed', 1, 1],
      ['failed', 0, 2],
      ['passed', 3, 3],
    ]);
    expect([graded.score, graded.max]).toEqual([4, 6]);
    expect(graded.tests[1]!.message).toBe('expected 10, but got 5');
  });

  it('scores every test 0 with the diagnosis when the lab cannot be graded', () => {
    const graded = scoreLab(lab, result({ results: new Map([['f > one', { name: 'f > one', status: 'passed' }]]) }), root, 'x.ts:1:1: broken');
    expect(graded.tests.map((t) => [t.status, t.points, t.message])).toEqual([
      ['error', 0, 'x.ts:1:1: broken'],
      ['error', 0, 'x.ts:1:1: broken'],
      ['error', 0, 'x.ts:1:1: broken'],
    ]);
    expect(graded).toMatchObject({ score: 0, diagnosis: 'x.ts:1:1: broken' });
  });

  it('turns a file problem into the diagnosis', () => {
    const graded = scoreLab(lab, result({ collected: [], problem: { kind: 'load-timeout', afterMs: 5000 } }), root);
    expect(graded.diagnosis).toBe('labs/x/x.ts never finished loading (stopped after 5 s). Code at the top level of the file runs when it is imported: look for a loop outside any function.');
  });

  it('says why a listed test has no result: skipped in the file, or missing from it', () => {
    const graded = scoreLab(lab, result({ collected: ['f > one', 'f > two'], results: new Map([['f > one', { name: 'f > one', status: 'passed' }]]) }), root);
    expect(graded.tests.slice(1).map((t) => [t.status, t.message])).toEqual([
      ['error', 'this test did not run (is it marked .skip or .todo in the test file?)'],
      ['error', 'no test of this name was found in x.test.ts (was the test file changed?)'],
    ]);
  });

  it('describes a timeout with the lab\'s budget', () => {
    const graded = scoreLab(lab, result({ results: new Map([['f > one', { name: 'f > one', status: 'timeout' }]]) }), root);
    expect(graded.tests[0]!.message).toBe('did not finish within 2 s, so it was stopped: look for a loop that never ends, or a promise that never settles');
  });

  it('lists the tests the file has and lab.json does not, which earn nothing', () => {
    expect(scoreLab(lab, result({ collected: ['f > one', 'f > two', 'f > three', 'f > extra'] }), root).ungraded).toEqual(['f > extra']);
  });

  it('reports process.exit anywhere in the run as the lab\'s diagnosis, unless a check found a problem first', () => {
    const exited = result({
      results: new Map([['f > one', { name: 'f > one', status: 'failed', error: { name: 'Error', message: 'process.exit unexpectedly called with "1"', stack: 'at f (/course/labs/x/x.ts:4:9)' } }]]),
    });
    expect(gradeStudentLab(lab, exited, root).diagnosis).toBe('labs/x/x.ts:4:9 calls process.exit(), which would stop the grader along with your code. Return a value or throw an error instead, then grade again.');
    expect(gradeStudentLab(lab, exited, root, 'x.ts: syntax').diagnosis).toBe('x.ts: syntax');
  });
});

describe('applyEvent', () => {
  const fresh = (): FileState => ({ file: 'f.test.ts', collected: [], results: new Map(), done: false });

  it('folds a file\'s run into its results, with each test\'s duration, and marks it done at the end', () => {
    const file = fresh();
    const running: Running = new Map();
    applyEvent(file, running, { type: 'collect-start', file: 'f.test.ts', at: 0 });
    expect(running.get('f.test.ts')).toEqual({ since: 0 });
    applyEvent(file, running, { type: 'collected', file: 'f.test.ts', at: 10, tests: ['a', 'b'] });
    applyEvent(file, running, { type: 'test-start', file: 'f.test.ts', at: 20, name: 'a' });
    expect(running.get('f.test.ts')).toEqual({ test: 'a', since: 20 });
    applyEvent(file, running, { type: 'test-end', file: 'f.test.ts', at: 25, name: 'a', state: 'pass' });
    applyEvent(file, running, { type: 'test-start', file: 'f.test.ts', at: 30, name: 'b' });
    applyEvent(file, running, { type: 'test-end', file: 'f.test.ts', at: 2030, name: 'b', state: 'fail', error: { name: 'Error', message: 'Test timed out in 2000ms.' } });
    applyEvent(file, running, { type: 'file-end', file: 'f.test.ts', at: 2031 });
    expect(file.collected).toEqual(['a', 'b']);
    expect([...file.results.values()]).toEqual([
      { name: 'a', status: 'passed', durationMs: 5 },
      { name: 'b', status: 'timeout', error: { name: 'Error', message: 'Test timed out in 2000ms.' }, durationMs: 2000 },
    ]);
    expect(file.done).toBe(true);
    expect(running.has('f.test.ts')).toBe(false);
  });

  it('records a load error as the file\'s problem and ends the file', () => {
    const file = fresh();
    const running: Running = new Map([['f.test.ts', { since: 0 }]]);
    applyEvent(file, running, { type: 'collected', file: 'f.test.ts', at: 5, tests: [], error: { name: 'Error', message: 'boom' } });
    expect(file).toMatchObject({ done: true, problem: { kind: 'load-error', error: { name: 'Error', message: 'boom' } } });
    expect(running.size).toBe(0);
  });

  it('records a failed assertion as failed, not as a timeout', () => {
    const file = fresh();
    applyEvent(file, new Map(), { type: 'test-end', file: 'f.test.ts', at: 1, name: 'a', state: 'fail', error: { name: 'AssertionError', message: 'expected 1 to be 2' } });
    expect(file.results.get('a')?.status).toBe('failed');
  });
});

describe('overdue', () => {
  const budget = () => 2000;

  it('allows a test its budget plus the grace, and a load the load limit', () => {
    const running: Running = new Map([
      ['t.test.ts', { test: 'a', since: 0 }],
      ['l.test.ts', { since: 0 }],
    ]);
    expect(overdue(running, budget, 5000, 1000, 3000)).toBeUndefined();
    expect(overdue(running, budget, 5000, 1000, 3001)).toEqual({ file: 't.test.ts', test: 'a', afterMs: 3001 });
    running.delete('t.test.ts');
    expect(overdue(running, budget, 5000, 1000, 5000)).toBeUndefined();
    expect(overdue(running, budget, 5000, 1000, 5001)).toEqual({ file: 'l.test.ts', afterMs: 5001 });
  });

  it('finds nothing when nothing runs', () => {
    expect(overdue(new Map(), budget, 5000, 1000, 1e12)).toBeUndefined();
  });
});
