/**
 * The lab proofs' shared worker (RunRequest.shareWorker, src/dev/prove.ts): with it, every lab file of
 * a grading runs in one worker process; without it — always, for a student's grading — each file gets a
 * process of its own. Two labs whose test fails with the worker's process id tell the two apart; a
 * third, whose test loops forever, shows that the watchdog still stops a shared worker and that what
 * it had not finished is graded in the next round, with the same verdicts as without sharing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/labs/catalog';
import { gradeLabs, type GradedLab } from '../../src/grader/grade';

const root = join(import.meta.dirname, '..', '..');
const work = join(import.meta.dirname, `tmp-share-${process.pid}`);
const labsDir = join(work, 'labs');
const hints = { question: 'q?', idea: 'i.', section: 'littles-law' };

function writeLab(id: string, tests: Record<string, string>, code = 'export const x = 1;\n'): void {
  const dir = join(labsDir, id);
  mkdirSync(join(dir, '.meta'), { recursive: true });
  writeFileSync(join(dir, 'brief.md'), 'A lab for the grader\'s own tests.\n');
  writeFileSync(join(dir, `${id}.ts`), code);
  writeFileSync(join(dir, '.meta', 'solution.ts'), code);
  const names = Object.keys(tests);
  writeFileSync(
    join(dir, 'lab.json'),
    JSON.stringify({ id, title: `Fixture ${id}`, lesson: 'module-16/littles-law', timeoutMs: 1000, tests: names.map((name) => ({ name: `t > ${name}`, points: 1, hints })) }),
  );
  const body = names.map((name) => `  it(${JSON.stringify(name)}, () => { ${tests[name]} });`).join('\n');
  writeFileSync(join(dir, `${id}.test.ts`), `import { describe, expect, it } from 'vitest';\nimport { x } from './${id}';\ndescribe('t', () => {\n${body}\n});\n`);
}

/** The process id a lab's failing test reported ("expected -1, but got <pid>"). */
const pidOf = (lab: GradedLab): string => /got (\d+)/.exec(lab.tests[0]!.message ?? '')?.[1] ?? `no pid in ${JSON.stringify(lab.tests[0])}`;

describe('grading with a shared worker process (the lab proofs only)', { timeout: 240_000 }, () => {
  const workers = process.env.QC_LAB_WORKERS;
  beforeAll(() => {
    // As in the proofs: one worker at a time (with two, two processes would share the files).
    process.env.QC_LAB_WORKERS = '1';
    const reportPid = 'expect(x).toBe(1); expect(process.pid).toBe(-1);';
    writeLab('pid-a', { 'reports its process': reportPid });
    writeLab('pid-b', { 'reports its process': reportPid });
    writeLab('loops', { 'passes first': 'expect(x).toBe(1);', 'never returns': 'for (;;) {}', 'passes after': 'expect(x).toBe(1);' });
    writeFileSync(join(labsDir, 'labs.json'), JSON.stringify({ labs: ['pid-a', 'pid-b', 'loops'] }));
  });
  afterAll(() => {
    if (workers === undefined) delete process.env.QC_LAB_WORKERS;
    else process.env.QC_LAB_WORKERS = workers;
    rmSync(work, { recursive: true, force: true });
  });

  const grade = (ids: string[], shareWorker: boolean) =>
    gradeLabs(loadLabs(labsDir).filter((lab) => ids.includes(lab.id)), { root, labsDir, target: 'reference', shareWorker });
  const verdicts = (graded: GradedLab[]) => graded.map((lab) => [lab.id, lab.tests.map((t) => t.status)]);

  it('runs each lab file in a process of its own by default, and all of them in one when asked', async () => {
    const [own, shared] = [await grade(['pid-a', 'pid-b'], false), await grade(['pid-a', 'pid-b'], true)];
    expect(verdicts(own)).toEqual([['pid-a', ['failed']], ['pid-b', ['failed']]]);
    expect(verdicts(shared)).toEqual(verdicts(own));
    expect(pidOf(own[0]!)).toMatch(/^\d+$/);
    expect(pidOf(own[0]!)).not.toBe(pidOf(own[1]!));
    expect(pidOf(shared[0]!)).toMatch(/^\d+$/);
    expect(pidOf(shared[0]!)).toBe(pidOf(shared[1]!));
  });

  it('still stops a test that loops forever in a shared worker, and grades the rest as without sharing', async () => {
    // (Without sharing, the same verdicts: tests/grader/grader.test.ts, the infinite-loop fixture.)
    expect(verdicts(await grade(['pid-a', 'loops'], true))).toEqual([['pid-a', ['failed']], ['loops', ['passed', 'timeout', 'passed']]]);
  });
});
