/**
 * The page's runner (controller.ts + worker-core.ts, in Node workers through the parity harness) on the
 * grader's fixture labs: what happens when student code loops, never settles, throws or loses an export.
 * The grader's own verdicts on the same fixtures are in tests/grader/grader.test.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lab } from '../catalog';
import { labPaths } from '../layout';
import { PageHarness } from '../../dev/parity';
import { root } from '../../dev/generated';

// Small labs written on the fly, in the shape of the grader's fixtures (tests/grader/fixtures/labs), with
// tests that use only what the shim offers.
const dir = join(root, 'node_modules/.cache/qc-page-runner-fixtures');
const TESTS = `import { assert, describe, it } from 'vitest';
import { double, triple } from './x';
const same = (got: number, want: number) => { if (got !== want) assert.fail(\`expected \${want}, but got \${got}\`); };
describe('double', () => {
  it('doubles 2', () => same(double(2), 4));
  it('never returns for 3', () => same(double(3), 6));
  it('doubles 5', () => same(double(5), 10));
});
describe('triple', () => {
  it('triples 2', () => same(triple(2), 6));
  it('settles', () => new Promise<void>((resolve) => { if (triple(1) === 3) resolve(); }));
});
`;
const NAMES = ['double > doubles 2', 'double > never returns for 3', 'double > doubles 5', 'triple > triples 2', 'triple > settles'];
const CODE = {
  loop: 'export function double(n: number): number {\n  while (n === 3) {}\n  return 2 * n;\n}\nexport function triple(n: number): number { return 3 * n; }\n',
  hang: 'export function double(n: number): number { return 2 * n; }\nexport function triple(n: number): number { return n === 1 ? 0 : 3 * n; }\n',
  throws: 'export function double(n: number): number { return 2 * n; }\nthrow new Error(\'boom at import\');\nexport function triple(n: number): number { return 3 * n; }\n',
  missing: 'export function triple(n: number): number { return 3 * n; }\n',
  nonError: "export function double(n: number): number { return 2 * n; }\nexport function triple(n: number): number { return 3 * n; }\nthrow 'oops';\n",
  syntax: 'export function double(n: number): number {\n  return 2 * ;\n}\nexport function triple(n: number): number { return 3 * n; }\n',
};
mkdirSync(join(dir, 'x'), { recursive: true });
writeFileSync(join(dir, 'x', 'x.test.ts'), TESTS);
const hints = { question: 'q', idea: 'i', section: 's' };
const lab: Lab = { id: 'x', title: 'X', lesson: 'module-16/x', timeoutMs: 500, tests: NAMES.map((name) => ({ name, points: 1, hints })), ...labPaths(dir, 'x', join) };
const harness = new PageHarness();
afterAll(() => {
  harness.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (kind: keyof typeof CODE, graceMs?: number) => {
  const file = join(dir, 'x', `${kind}.ts`);
  writeFileSync(file, CODE[kind]);
  return harness.run(lab, file, { bundle: false, ...(graceMs !== undefined ? { graceMs } : {}) });
};
const statuses = (graded: { tests: { name: string; status: string; points: number }[] }) => graded.tests.map((t) => [t.name, t.status, t.points]);

describe('the page runner', () => {
  it('stops a synchronous loop at budget + grace by ending the worker, holds back the tests that call the same function, and runs the rest in a fresh one', async () => {
    const { graded, rounds } = await run('loop', 300);
    expect(statuses(graded)).toEqual([
      ['double > doubles 2', 'passed', 1],
      ['double > never returns for 3', 'timeout', 0],
      ['double > doubles 5', 'timeout', 0],
      ['triple > triples 2', 'passed', 1],
      ['triple > settles', 'passed', 1],
    ]);
    expect(graded.tests[1]!.message).toBe('did not finish within 0.5 s, so it was stopped: look for a loop that never ends, or a promise that never settles');
    expect(graded.tests[2]!.message).toBe('not run again: it calls `double`, which did not finish in "double > never returns for 3". Fix that first, then grade again.');
    expect(rounds).toBe(2);
  }, 20_000);

  it("fails a promise that never settles with Vitest's timeout, in the same worker", async () => {
    const { graded, rounds } = await run('hang');
    expect(statuses(graded)).toEqual([
      ['double > doubles 2', 'passed', 1],
      ['double > never returns for 3', 'passed', 1],
      ['double > doubles 5', 'passed', 1],
      ['triple > triples 2', 'passed', 1],
      ['triple > settles', 'timeout', 0],
    ]);
    expect(rounds).toBe(1);
  }, 20_000);

  it('gives a lab that throws while loading, or lost an export, one diagnosis in the grader\'s words', async () => {
    const thrown = (await run('throws')).graded;
    expect(thrown.diagnosis).toMatch(/^labs\/x\/x\.ts:2:\d+ throws while it is being loaded: Error: boom at import\./);
    const missing = (await run('missing')).graded;
    expect(missing.diagnosis).toMatch(/^labs\/x\/x\.ts no longer exports `double`, which the tests import\./);
    const nonError = (await run('nonError')).graded;
    expect(nonError.diagnosis).toMatch(/threw the string "oops", not an Error, while it was being loaded\./);
  }, 20_000);

  it('reports a syntax error with its line', async () => {
    const { graded } = await run('syntax');
    expect(graded.diagnosis).toMatch(/^labs\/x\/x\.ts:2:\d+ has a syntax error: /);
    expect(graded.score).toBe(0);
  }, 20_000);
});
