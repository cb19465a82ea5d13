/**
 * The grader, tested the way Vitest tests its own reporters: run it on fixture labs (passing, partial,
 * throwing on import, looping forever), strip what varies (durations, absolute paths), and compare.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

describe('grade CLI', { timeout: 60_000 }, () => {
  // Hint progress is kept under node_modules/.cache; each test run starts from a fresh copy of the root's.
  const hintState = join(root, 'node_modules', '.cache', 'queues-and-caches', 'hints.json');
  beforeEach(() => rmSync(hintState, { force: true }));
  afterAll(() => rmSync(hintState, { force: true }));
  const cli = (...args: (string | Record<string, string>)[]) => {
    const env = args.find((a): a is Record<string, string> => typeof a === 'object') ?? {};
    return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/grader/cli.ts'), ...args.filter((a): a is string => typeof a === 'string')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      // Plain text whatever the CI sets (picocolors turns colours on when CI is set).
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
  };

  it('--json prints exactly one JSON report on stdout, in the documented shape', () => {
    const run = cli('--json', '--labs-dir', fixtures, 'passing', 'partial');
    expect(run.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({
      version: 1,
      course: { name: 'queues-and-caches' },
      integrity: { verdict: 'unverified', changed: [] },
      score: 4,
      max: 6,
      labs: [
        { id: 'passing', score: 3, max: 3, studentFile: { path: 'tests/grader/fixtures/labs/passing/passing.ts', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
        { id: 'partial', score: 1, max: 3 },
      ],
    });
    expect(Date.parse(report.gradedAt)).not.toBeNaN();
  });

  it('writes a JUnit XML report with one testcase per graded test and its points', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qc-junit-')), 'junit.xml');
    const run = cli('--labs-dir', fixtures, '--junit', file, 'partial', 'throws-on-import');
    expect(run.status).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="queues-and-caches" tests="4" failures="1" errors="2"/);
    expect(xml).toContain('<testsuite name="partial" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="partial" name="double &gt; doubles 5">');
    expect(xml).toContain('<property name="points" value="0"/><property name="max" value="2"/>');
    expect(xml).toContain('<failure type="failed" message="expected 10, but got 5">');
    expect(xml).toMatch(/<error type="error" message="tests\/grader\/fixtures\/labs\/throws-on-import\/throws-on-import.ts:2:7 throws while it is being loaded/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<\/testcase>/g)).toHaveLength(4);
  });

  it('writes GitHub Classroom results with each lab\'s points to $GITHUB_OUTPUT', () => {
    const output = join(mkdtempSync(join(tmpdir(), 'qc-classroom-')), 'output');
    writeFileSync(output, '');
    const run = cli('--labs-dir', fixtures, '--classroom', 'passing', 'partial', { GITHUB_OUTPUT: output });
    expect(run.status).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    const decoded = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), JSON.parse(Buffer.from(line.slice(line.indexOf('=') + 1), 'base64').toString())]));
    expect(decoded).toEqual({
      passing: { version: 1, status: 'pass', max_score: 3, tests: [{ name: 'double > doubles 2', status: 'pass', score: 1 }, { name: 'double > doubles 5', status: 'pass', score: 2 }] },
      partial: {
        version: 1,
        status: 'fail',
        max_score: 3,
        tests: [{ name: 'double > doubles 2', status: 'pass', score: 1 }, { name: 'double > doubles 5', status: 'fail', score: 0, message: 'expected 10, but got 5' }],
      },
    });
  });

  it('opens the next hint step on --hint and remembers it', () => {
    const run = cli('--labs-dir', fixtures, '--hint', 'partial');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Hint 1/3: q?');
    expect(run.stdout).toContain('Hint 2/3: i.');
    const again = cli('--labs-dir', fixtures, '--hint', 'partial');
    expect(again.stdout).toContain('Hint 3/3: read http://127.0.0.1:4321/module-16/littles-law/#littles-law');
    expect(again.stdout).not.toContain('More help');
  });

  it('prints points, tests, the next failure with what it expected and got, its hint, the rerun command and the total', () => {
    const run = cli('--labs-dir', fixtures, 'partial');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('partial · Fixture partial  1/3 points');
    expect(run.stdout).toContain('1 passed, 1 failed');
    expect(run.stdout).toContain('Next to fix: double > doubles 5');
    expect(run.stdout).toContain('expected 10, but got 5');
    expect(run.stdout).toContain('Hint 1/3: q?');
    expect(run.stdout).toContain('More help: npm run grade -- --hint partial');
    expect(run.stdout).toContain('Grade again: npm run grade partial');
    expect(run.stdout).toMatch(/Total: 1\/3 points .* 33%/);
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
