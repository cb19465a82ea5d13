/**
 * The grader, tested the way Vitest tests its own reporters: run it on fixture labs (passing, partial,
 * throwing on import, looping forever), strip what varies (durations, absolute paths), and compare.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/labs/catalog';
import { gradeLabs } from '../../src/grader/grade';
import { reportSchema } from '../../src/grader/report';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'grader', 'fixtures', 'labs');
const labs = loadLabs(fixtures);
const lab = (id: string) => labs.filter((l) => l.id === id);
const summary = (graded: Awaited<ReturnType<typeof gradeLabs>>) =>
  graded.map((l) => ({ id: l.id, score: l.score, max: l.max, tests: l.tests.map((t) => [t.name, t.status, t.points]) }));

describe('grader on fixture labs', () => {
  it('gives full marks to a passing lab', async () => {
    expect(summary(await gradeLabs(lab('passing'), { root, labsDir: fixtures }))).toEqual([
      { id: 'passing', score: 3, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'passed', 2]] },
    ]);
  });

  it('scores a partial lab per test and says what was expected', async () => {
    const [graded] = await gradeLabs(lab('partial'), { root, labsDir: fixtures });
    expect(summary([graded!])).toEqual([
      { id: 'partial', score: 1, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'failed', 0]] },
    ]);
    expect(graded!.tests[1]!.message).toMatch(/expected 5 to be 10/);
  });

  it('diagnoses a file that throws on import once, with its line, and scores its tests 0', async () => {
    const [graded] = await gradeLabs(lab('throws-on-import'), { root, labsDir: fixtures });
    expect(graded!.score).toBe(0);
    expect(graded!.diagnosis).toMatch(/throws-on-import\/throws-on-import\.ts:2(:\d+)? throws while it is being loaded: Error: boom at import/);
    expect(graded!.diagnosis).not.toMatch(/\n\s+at /);
    expect(graded!.tests.map((t) => t.status)).toEqual(['error', 'error']);
  });

  it('stops a test that loops forever, records a timeout, and still runs the tests after it', async () => {
    const started = Date.now();
    const [graded] = await gradeLabs(lab('infinite-loop'), { root, labsDir: fixtures });
    expect(summary([graded!])).toEqual([
      {
        id: 'infinite-loop',
        score: 3,
        max: 4,
        tests: [['double > doubles 2', 'passed', 1], ['double > never returns for 3', 'timeout', 0], ['double > doubles 5', 'passed', 2]],
      },
    ]);
    // A 500 ms budget, 1 s of grace, and a second Vitest start for the test after it.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('grades several labs in one run, each on its own', async () => {
    const graded = await gradeLabs(labs, { root, labsDir: fixtures });
    expect(graded.map((l) => [l.id, l.score, l.max])).toEqual([
      ['passing', 3, 3],
      ['partial', 1, 3],
      ['throws-on-import', 0, 3],
      ['infinite-loop', 3, 4],
    ]);
  });
});

describe('grade CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/grader/cli.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      // Plain text whatever the CI sets (picocolors turns colours on when CI is set).
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('--json prints exactly one JSON report on stdout, in the documented shape', () => {
    const run = cli('--json', '--labs-dir', fixtures, 'passing', 'partial');
    expect(run.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ score: 4, max: 6, labs: [{ id: 'passing', score: 3, max: 3 }, { id: 'partial', score: 1, max: 3 }] });
  });

  it('prints points, tests, the first failure with its hint, the rerun command and the total', () => {
    const run = cli('--labs-dir', fixtures, 'partial');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('partial · Fixture partial  1/3 points');
    expect(run.stdout).toContain('1 passed, 1 failed');
    expect(run.stdout).toContain('First to fix: double > doubles 5');
    expect(run.stdout).toContain('Hint: q?');
    expect(run.stdout).toContain('Grade again: npm run grade partial');
    expect(run.stdout).toContain('Total: 1/3 points');
  });

  it('names an unknown lab and lists the real ones, exiting 2', () => {
    const run = cli('--labs-dir', fixtures, 'no-such-lab');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no lab named "no-such-lab". The labs are: passing, partial, throws-on-import, infinite-loop');
    expect(run.stdout).toBe('');
  });

  it('rejects an unknown flag with the usage text, exiting 2', () => {
    const run = cli('--jsno');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--jsno'[\s\S]*Usage: npm run grade/);
  });
});
