/**
 * The scoring rules (scoreLab), the folding of the runner's progress events into a file's results
 * (applyEvent), and the watchdog's overdue rule, on hand-made inputs: no Vitest, no processes.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../labs/catalog';
import { labPaths } from '../labs/layout';
import { gradeStudentLab, scoreLab } from './grade';
import { applyEvent, applyRecord, overdue, type FileResult, type FileState, type Running } from './run-tests';

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
    expect(gradeStudentLab(lab, exited, root, undefined, [{ kind: 'syntax', message: 'x.ts: syntax' }]).diagnosis).toBe('x.ts: syntax');
  });
});

describe('applyEvent and applyRecord', () => {
  const fresh = (): FileState => ({ file: 'f.test.ts', collected: [], results: new Map(), done: false });

  it('tracks what runs from the progress events alone, and decides no verdict from them', () => {
    const running: Running = new Map();
    applyEvent(running, { type: 'collect-start', file: 'f.test.ts', at: 0 });
    expect(running.get('f.test.ts')).toEqual({ since: 0, alive: 0 });
    applyEvent(running, { type: 'alive', file: 'f.test.ts', at: 250 });
    expect(running.get('f.test.ts')).toEqual({ since: 0, alive: 250 });
    applyEvent(running, { type: 'collected', file: 'f.test.ts', at: 10, tests: ['a', 'b'] });
    applyEvent(running, { type: 'test-start', file: 'f.test.ts', at: 20, name: 'a' });
    expect(running.get('f.test.ts')).toEqual({ test: 'a', since: 20 });
    applyEvent(running, { type: 'test-end', file: 'f.test.ts', at: 25, name: 'a' });
    expect(running.get('f.test.ts')).toEqual({ since: 25 });
    applyEvent(running, { type: 'file-end', file: 'f.test.ts', at: 2031 });
    expect(running.has('f.test.ts')).toBe(false);
  });

  it("folds the main process's records into the file's results, and marks it done at its end", () => {
    const file = fresh();
    applyRecord(file, { type: 'collected', file: 'f.test.ts', tests: ['a', 'b'] }, '/l');
    applyRecord(file, { type: 'verdict', file: 'f.test.ts', name: 'a', state: 'passed', durationMs: 5, logs: ['hi'] }, '/l');
    applyRecord(file, { type: 'verdict', file: 'f.test.ts', name: 'b', state: 'failed', error: { name: 'Error', message: 'Test timed out in 2000ms.' } }, '/l');
    expect(file.done).toBe(false);
    applyRecord(file, { type: 'module-end', file: 'f.test.ts', errors: [], tests: 2 }, '/l');
    expect(file.collected).toEqual(['a', 'b']);
    expect([...file.results.values()]).toEqual([
      { name: 'a', status: 'passed', durationMs: 5, logs: ['hi'] },
      { name: 'b', status: 'timeout', error: { name: 'Error', message: 'Test timed out in 2000ms.' } },
    ]);
    expect(file.done).toBe(true);
  });

  it("records a load error as the file's problem and ends the file", () => {
    const file = fresh();
    applyRecord(file, { type: 'module-end', file: 'f.test.ts', errors: [{ name: 'Error', message: 'boom' }], tests: 0 }, '/l');
    expect(file).toMatchObject({ done: true, problem: { kind: 'load-error', error: { name: 'Error', message: 'boom' } } });
  });

  it('leaves a file whose worker crashed unfinished, so that the rest of it runs again', () => {
    const file = fresh();
    applyRecord(file, { type: 'collected', file: 'f.test.ts', tests: ['a', 'b'] }, '/l');
    applyRecord(file, { type: 'module-end', file: 'f.test.ts', errors: [{ name: 'Error', message: '[vitest-pool]: Worker forks emitted error.' }], tests: 2 }, '/l');
    expect(file.done).toBe(false);
  });

  it('records a failed assertion as failed, not as a timeout; and a verdict overruled in the worker as tampering', () => {
    const file = fresh();
    applyRecord(file, { type: 'verdict', file: 'f.test.ts', name: 'a', state: 'failed', error: { name: 'AssertionError', message: 'expected 1 to be 2' } }, '/l');
    expect(file.results.get('a')?.status).toBe('failed');
    applyRecord(file, { type: 'verdict', file: 'f.test.ts', name: 'b', state: 'failed', error: { name: 'QcIntegrityError', message: 'lab code changed built-ins' } }, '/l');
    expect(file.tampered).toBe('lab code changed built-ins');
  });

  it('collects refused imports and notes', () => {
    const file = fresh();
    applyRecord(file, { type: 'refused', lab: 'f', importer: 'labs/f/f.ts', source: './.meta/solution', reason: "the course's answer" }, '/l');
    applyRecord(file, { type: 'note', lab: 'f', message: 'labs/f/f.js is ignored' }, '/l');
    applyRecord(file, { type: 'note', lab: 'f', message: 'labs/f/f.js is ignored' }, '/l');
    expect(file.refused).toEqual([{ importer: 'labs/f/f.ts', source: './.meta/solution', reason: "the course's answer" }]);
    expect(file.notes).toEqual(['labs/f/f.js is ignored']);
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
