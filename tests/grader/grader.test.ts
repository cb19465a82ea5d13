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
import { WORKER_MEMORY_ENV } from '../../src/grader/limits';
import { reportSchema } from '../../src/grader/report';
import { seededRandom } from '../../src/grader/seeded-random';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'grader', 'fixtures', 'labs');
const labs = loadLabs(fixtures);
const summary = (graded: Awaited<ReturnType<typeof gradeLabs>>) =>
  graded.map((l) => ({ id: l.id, score: l.score, max: l.max, tests: l.tests.map((t) => [t.name, t.status, t.points]) }));

describe('grader on fixture labs, all graded in one run', () => {
  let graded: GradedLab[];
  const of = (id: string) => graded.find((l) => l.id === id)!;
  const file = (id: string, name = `${id}.ts`) => `tests/grader/fixtures/labs/${id}/${name}`;
  const statuses = (id: string) => of(id).tests.map((t) => [t.name, t.status, t.points]);

  beforeAll(async () => {
    // The workers get a 128 MB heap here (limits.ts, workerMemoryMb), so that the memory blow-up fixture
    // fills it in a quarter of the work: 512 MB was not always filled within the fixture's 30 s beside
    // the rest of npm test on Node 24.
    process.env[WORKER_MEMORY_ENV] = '128';
    try {
      graded = await gradeLabs(labs, { root, labsDir: fixtures, loadTimeoutMs: 3000 });
    } finally {
      delete process.env[WORKER_MEMORY_ENV];
    }
  }, 600_000);

  it('gives full marks to a passing lab', () => {
    expect(summary([of('passing')])).toEqual([
      { id: 'passing', score: 3, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'passed', 2]] },
    ]);
    expect(of('passing')).toMatchObject({ valid: true, warnings: [] });
  });

  it('scores a partial lab per test and says what was expected and what was got', () => {
    expect(summary([of('partial')])).toEqual([
      { id: 'partial', score: 1, max: 3, tests: [['double > doubles 2', 'passed', 1], ['double > doubles 5', 'failed', 0]] },
    ]);
    expect(of('partial').tests[1]!.message).toBe('expected 10, but got 5');
  });

  it('stops a test that loops forever, records a timeout, does not rerun the tests that call the same function, and runs the others', () => {
    expect(statuses('infinite-loop')).toEqual([
      ['double > doubles 2', 'passed', 1],
      ['double > never returns for 3', 'timeout', 0],
      ['double > doubles 5', 'timeout', 0],
      ['triple > triples 2', 'passed', 1],
    ]);
    expect(of('infinite-loop').tests[2]!.message).toBe('not run again: it calls `double`, which did not finish in "double > never returns for 3". Fix that first, then grade again.');
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
    ['missing-export', new RegExp(`^${file('missing-export')} no longer exports \`double\`, which the tests import\\.`)],
    ['exits-on-import', new RegExp(`^${file('exits-on-import')}:4:9 calls process\\.exit\\(\\)`)],
    ['exits-in-test', new RegExp(`^${file('exits-in-test')}:2:24 calls process\\.exit\\(\\)`)],
    ['loops-on-import', new RegExp(`^${file('loops-on-import')} never finished loading \\(stopped after 3 s\\)\\. Code at the top level .* look for a loop`)],
    // A load that waits forever is not called a loop.
    ['never-settles-on-import', new RegExp(`^${file('never-settles-on-import')} never finished loading \\(stopped after 3 s\\): an \`await\` at the top level of your code waits for a promise that never settles`)],
    // Errors in a helper file are placed in the helper, with its line.
    ['helper-syntax-error', new RegExp(`^${file('helper-syntax-error', 'helper.ts')}:2:14: Expression expected \\(TS1109\\)`)],
    ['helper-throws-on-import', new RegExp(`^${file('helper-throws-on-import', 'helper.ts')}:4:7 throws while it is being loaded: Error: helper broke at load\\.`)],
    // A name lost in a helper that the lab file re-exports with export * is a lost export, not "is not a function".
    ['helper-missing-export', new RegExp(`^${file('helper-missing-export')} no longer exports \`double\` \\(counting what it re-exports with \`export \\*\`\\), which the tests import\\.`)],
    // A runtime JSON.parse failure while loading is a throw, not a syntax error.
    ['json-parse-on-import', new RegExp(`^${file('json-parse-on-import')}:1:\\d+ throws while it is being loaded: SyntaxError: .*JSON`)],
    // A missing } is reported at the { it should close, not at the end of the file.
    ['missing-brace', new RegExp(`^${file('missing-brace')}:1:43: this '\\{' is never closed \\('\\}' expected before the end of the file\\)`)],
    ['throws-non-error-on-import', new RegExp(`^${file('throws-non-error-on-import')} threw the string "oops", not an Error, while it was being loaded\\.`)],
  ])('gives %s one diagnosis, with where and what to do, and scores its tests 0', (id, diagnosis) => {
    const lab = of(id);
    expect(lab.diagnosis).toMatch(diagnosis);
    expect(lab.diagnosis).not.toMatch(/\n\s+at /);
    expect(lab.score).toBe(0);
    expect(lab.valid).toBe(true);
    expect(lab.tests.every((t) => t.status === 'error' && t.points === 0)).toBe(true);
  });

  describe('honest code, graded by its tests', () => {
    it('grades a lab with a type error by its tests, with the type error as a warning (in the lab file or a helper)', () => {
      expect([of('type-error').score, of('type-error-in-helper').score]).toEqual([3, 2]);
      expect(of('type-error').warnings[0]).toMatch(new RegExp(`^${file('type-error')}:2:9: Type 'number' is not assignable to type 'string' \\(TS2322\\)\\. The labs are checked as strict TypeScript \\(with noUncheckedIndexedAccess\\)`));
      expect(of('type-error-in-helper').warnings[0]).toMatch(new RegExp(`^${file('type-error-in-helper', 'helper.ts')}:2:7: Type 'number \\| undefined' is not assignable`));
    });

    it('grades the .ts file when a stale compiled .js sits beside it, and says the .js is ignored', () => {
      expect(of('stale-js')).toMatchObject({ score: 2, valid: true });
      expect(of('stale-js').warnings).toEqual([`${file('stale-js', 'stale-js.js')} is ignored: the grader loads ${file('stale-js')} (delete the .js file, or stop the compiler that writes it)`]);
    });

    it('reports a memory blow-up as memory, not as a timeout', () => {
      expect(of('memory-blowup').tests.map((t) => [t.status, t.message])).toEqual([
        ['error', 'your code used more than 128 MB of memory, so it was stopped: look for an array or map that grows without end, or a loop that keeps allocating'],
        ['error', 'your code used more than 128 MB of memory, so it was stopped: look for an array or map that grows without end, or a loop that keeps allocating'],
      ]);
    });

    it('starts Math.random from the same seed in every lab file, so code that calls it gets the same result every run', () => {
      const { random } = seededRandom();
      const seq = Array.from({ length: 6 }, random);
      expect(of('math-random').tests.map((t) => t.message)).toEqual([`drew ${seq.slice(0, 3).join(' ')}`, `drew ${seq.slice(3).join(' ')}`]);
    });

    it('describes a thrown value that is not an Error', () => {
      expect(statuses('throws-non-error')).toEqual([['double > doubles 2', 'passed', 1], ['double > doubles 5', 'failed', 0]]);
      expect(of('throws-non-error').tests[1]!.message).toMatch(/^your code threw the number 42, not an Error: throw an Error/);
    });

    it('reports an unhandled rejection and an error thrown after a test against that test', () => {
      expect(statuses('unhandled-rejection')).toEqual([['double > doubles 2', 'passed', 1], ['double > doubles 5', 'failed', 0]]);
      expect(of('unhandled-rejection').tests[1]!.message).toMatch(new RegExp(`^a promise was rejected and nothing handled it: nobody handles this \\(at ${file('unhandled-rejection')}:2:\\d+\\)`));
      expect(statuses('error-after-test')).toEqual([['double > doubles 2', 'failed', 0], ['double > doubles 5', 'passed', 1]]);
      expect(of('error-after-test').tests[0]!.message).toMatch(/^an error was thrown after the test had finished .*: thrown by a timer after the call returned/);
    });

    it('says an untouched class is not started yet', () => {
      expect(of('class-starter').tests.map((t) => t.message)).toEqual(['not started yet: `constructor` still throws "not implemented"', 'not started yet: `constructor` still throws "not implemented"']);
    });

    it('shows what a failing test printed', () => {
      expect(of('console-log').tests[1]!.logs).toEqual(['double got 5']);
      expect(of('console-log').tests[0]!.logs).toBeUndefined();
    });
  });

  describe('shortcuts: each is refused or fails, and a refused one makes the lab not valid with 0', () => {
    it.each([
      ['refuses-meta', "lab code may only import its own files; `./.meta/solution` is the course's answer"],
      ['refuses-models', "lab code may only import its own files; `../../../../../src/models/common/guards` is the course's own code (its models are the reference answers)"],
      ['refuses-dynamic-import', "lab code may only import its own files; `./.meta/solution` is the course's answer"],
      ['refuses-dynamic-builtin', "lab code may only import its own files; `node:fs` is one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them"],
      ['refuses-vitest', 'lab code may only import its own files; `vitest` is the test framework, which lab code must not reach'],
      ['refuses-node-assert', "lab code may only import its own files; `node:assert` is one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them"],
      ['refuses-runner-internals', "lab code may only import its own files; `__vite_ssr_` is one of the test runner's internal names, which lab code may not use"],
      ['reads-tests', 'lab code may only import its own files; `./reads-tests.test.ts?raw` is a file read through a query (such as ?raw), which lab code may not do'],
      ['spawns-process', "lab code may only import its own files; `node:child_process` is one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them"],
      ['patches-builtins', "lab code changed JavaScript's built-ins (Object.is), which the tests rely on to check results, before this test ran"],
      ['patches-builtins-in-test', "lab code changed JavaScript's built-ins (Math.abs), which the tests rely on to check results"],
    ])('%s', (id, reason) => {
      expect(of(id)).toMatchObject({ score: 0, valid: false, invalid: reason });
      expect(of(id).diagnosis).toBe(`${reason}. This lab's result is not valid, so it scores 0: remove that code and grade again.`);
    });

    it('never loads a .js beside an untouched starter', () => {
      expect(of('js-sibling')).toMatchObject({ score: 0, valid: true });
      expect(of('js-sibling').tests[0]!.message).toBe('not started yet: `double` still throws "not implemented"');
    });

    it('hides Vitest, the IPC channel, require, eval and the grader\'s variables from lab code', () => {
      expect(statuses('hides-machinery')).toEqual([
        ['double > doubles 2', 'failed', 0],
        ['double > doubles 5', 'failed', 0],
        ['the sandbox > hides the machinery from lab code', 'passed', 1],
      ]);
    });

    it('runs the workers under the permission model: no writes, no processes, no threads, no reading the tests', () => {
      expect(of('permission-wall').tests.filter((t) => t.status !== 'passed').map((t) => [t.name, t.message])).toEqual([]);
    });

    it('leaves nothing running', () => {
      const left = spawnSync('pgrep', ['-f', 'sleep 98765[34]'], { encoding: 'utf8' }).stdout.trim();
      expect(left).toBe('');
    });
  });

  it('grades the other labs normally around the broken ones', () => {
    expect(graded.filter((l) => ['passing', 'partial', 'infinite-loop', 'never-settles', 'permission-wall'].includes(l.id)).map((l) => [l.id, l.score])).toEqual([
      ['passing', 3],
      ['partial', 1],
      ['infinite-loop', 2],
      ['never-settles', 1],
      ['permission-wall', 9],
    ]);
  });
});

describe('grader timing', () => {
  it('stops a runaway test within its budget plus one second of grace, and reruns the rest', async () => {
    const started = Date.now();
    const [lab] = await gradeLabs(labs.filter((l) => l.id === 'infinite-loop'), { root, labsDir: fixtures });
    expect(lab!.score).toBe(2);
    // 0.5 s budget + 1 s grace + a second Vitest start for the tests after it, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

// Generous guards, not speed checks: each case starts the CLI, which starts Vitest, which starts a worker
// process per lab; npm test runs this beside the site's build and browser checks on two cores.
describe('grade CLI', { timeout: 180_000 }, () => {
  // Hint progress is kept under node_modules/.cache; each test run starts from a fresh copy of the root's.
  const hintState = join(root, 'node_modules', '.cache', 'queues-and-caches', 'hints.json');
  beforeEach(() => rmSync(hintState, { force: true }));
  afterAll(() => rmSync(hintState, { force: true }));
  // As `npm run grade` starts it: through src/grader/launch.mjs (the bundled grader).
  const cli = (...args: (string | Record<string, string>)[]) => {
    const env = args.find((a): a is Record<string, string> => typeof a === 'object') ?? {};
    return spawnSync(process.execPath, [join(root, 'src/grader/launch.mjs'), ...args.filter((a): a is string => typeof a === 'string')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 150_000,
      // Plain text whatever the CI sets (picocolors turns colours on when CI is set).
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
  };

  it('--json prints exactly one JSON report on stdout, in the documented shape', () => {
    const run = cli('--json', '--labs-dir', fixtures, 'passing', 'partial');
    expect(run.status).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({
      version: 2,
      course: { name: 'queues-and-caches' },
      integrity: { verdict: 'unverified', changed: [] },
      valid: true,
      invalid: [],
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
    expect(again.stdout).toContain("Hint 3/3: read the section “Little's Law” in content/module-16/littles-law.mdx (or, while `npm start` runs, http://127.0.0.1:4321/module-16/littles-law/#littles-law)");
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
    expect(run.stdout).toContain('More help: npm run hint partial');
    expect(run.stdout).toContain('Grade again: npm run grade partial');
    expect(run.stdout).toMatch(/Total: 1\/3 points .* 33%/);
  });

  it('names an unknown lab and lists the real ones, exiting 2', () => {
    const run = cli('--labs-dir', fixtures, 'no-such-lab');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no lab named "no-such-lab". The labs are: passing, partial, throws-on-import, infinite-loop, syntax-error');
    expect(run.stdout).toBe('');
  });

  it('rejects an unknown flag with the nearest real one and the usage text, exiting 2', () => {
    const run = cli('--hnt');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--hnt'.*Did you mean --hint\?[\s\S]*Usage: npm run grade/);
  });

  it('honours a flag that npm took for itself (npm run grade --hint x, without --)', () => {
    const run = cli('--labs-dir', fixtures, 'partial', { npm_config_hint: 'true' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Hint 2/3: i.');
    expect(run.stderr).toContain('npm took --hint for itself');
  });

  it('marks the JSON report not valid, with the reason, when a lab tried a shortcut', () => {
    const run = cli('--json', '--labs-dir', fixtures, 'passing', 'refuses-meta');
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({
      valid: false,
      invalid: ["refuses-meta: lab code may only import its own files; `./.meta/solution` is the course's answer"],
      score: 3,
      labs: [{ id: 'passing', valid: true }, { id: 'refuses-meta', valid: false, score: 0 }],
    });
  });
});
