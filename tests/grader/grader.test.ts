/**
 * The grader, tested the way Vitest tests its own reporters: run it on fixture labs (passing, partial,
 * throwing on import, looping forever), strip what varies (durations, absolute paths), and compare.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/labs/catalog';
import { gradeLabs, type GradedLab } from '../../src/grader/grade';
import { reportSchema } from '../../src/grader/report';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'grader', 'fixtures', 'labs');
const labs = loadLabs(fixtures);
const summary = (graded: Awaited<ReturnType<typeof gradeLabs>>) =>
  graded.map((l) => ({ id: l.id, score: l.score, max: l.max, tests: l.tests.map((t) => [t.name, t.status, t.points]) }));

describe('grader on fixture labs, all graded in one run', () => {
  let graded: GradedLab[];
  const of = (id: string) => graded.find((l) => l.id === id)!;
  const file = (id: string) => `tests/grader/fixtures/labs/${id}/${id}.ts`;

  beforeAll(async () => {
    graded = await gradeLabs(labs, { root, labsDir: fixtures, loadTimeoutMs: 3000 });
  }, 120_000);

  it('gives full marks to a passing lab', () => {
    expect(summary([of('passing')])).toEqual([
      { id: 'passing', score: 3, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'passed', 2]] },
    ]);
  });

  it('scores a partial lab per test and says what was expected and what was got', () => {
    expect(summary([of('partial')])).toEqual([
      { id: 'partial', score: 1, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'failed', 0]] },
    ]);
    expect(of('partial').tests[1]!.message).toBe('expected 10, but got 5');
  });

  it('stops a test that loops forever, records a timeout, and still runs the tests after it', () => {
    expect(summary([of('infinite-loop')])[0]!.tests).toEqual([
      ['double > doubles 2', 'passed', 1],
      ['double > never returns for 3', 'timeout', 0],
      ['double > doubles 5', 'passed', 2],
    ]);
  });

  it('records a test whose promise never settles as a timeout', () => {
    expect(summary([of('never-settles')])[0]!.tests).toEqual([
      ['double > doubles 2', 'passed', 1],
      ['double > doubles 5', 'timeout', 0],
    ]);
  });

  it.each([
    ['throws-on-import', new RegExp(`^${file('throws-on-import')}:2:7 throws while it is being loaded: Error: boom at import\\.`)],
    ['syntax-error', new RegExp(`^${file('syntax-error')}:2:17: Expression expected \\(TS1109\\)\\. Fix this syntax error`)],
    ['type-error', new RegExp(`^${file('type-error')}:2:9: Type 'number' is not assignable to type 'string' \\(TS2322\\)\\. The grader scores a file only once it type-checks`)],
    ['missing-export', new RegExp(`^${file('missing-export')} no longer exports \`double\`, which the tests import\\.`)],
    ['exits-on-import', new RegExp(`^${file('exits-on-import')}:4:9 calls process\\.exit\\(\\)`)],
    ['exits-in-test', new RegExp(`^${file('exits-in-test')}:2:24 calls process\\.exit\\(\\)`)],
    ['loops-on-import', new RegExp(`^${file('loops-on-import')} never finished loading \\(stopped after 3 s\\)`)],
  ])('gives %s one diagnosis, with where and what to do, and scores its tests 0', (id, diagnosis) => {
    const lab = of(id);
    expect(lab.diagnosis).toMatch(diagnosis);
    expect(lab.diagnosis).not.toMatch(/\n\s+at /);
    expect(lab.score).toBe(0);
    expect(lab.tests.every((t) => t.status === 'error' && t.points === 0)).toBe(true);
  });

  it('grades the other labs normally around the broken ones', () => {
    expect(graded.map((l) => [l.id, l.score])).toEqual([
      ['passing', 3],
      ['partial', 1],
      ['throws-on-import', 0],
      ['infinite-loop', 3],
      ['syntax-error', 0],
      ['type-error', 0],
      ['missing-export', 0],
      ['exits-on-import', 0],
      ['exits-in-test', 0],
      ['never-settles', 1],
      ['loops-on-import', 0],
    ]);
  });
});

describe('grader timing', () => {
  it('stops a runaway test within its budget plus one second of grace, and reruns the rest', async () => {
    const started = Date.now();
    const [lab] = await gradeLabs(labs.filter((l) => l.id === 'infinite-loop'), { root, labsDir: fixtures });
    expect(lab!.score).toBe(3);
    // 0.5 s budget + 1 s grace + a second Vitest start for the test after it, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
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
    expect(run.stderr).toContain('no lab named "no-such-lab". The labs are: passing, partial, throws-on-import, infinite-loop, syntax-error');
    expect(run.stdout).toBe('');
  });

  it('rejects an unknown flag with the usage text, exiting 2', () => {
    const run = cli('--jsno');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--jsno'[\s\S]*Usage: npm run grade/);
  });
});
