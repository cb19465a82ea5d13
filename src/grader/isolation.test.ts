/**
 * The pieces of lab-code isolation that need no Vitest run: the sandbox's views and its watch on the
 * built-ins, the run-time import check, the guard's refusal reasons, the process-tree cleanup, and the
 * command line's help for misspelt flags. The fixture labs (tests/grader/grader.test.ts) test them
 * together, in real workers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsFromNpm, nearestFlag } from './args';
import { workerExecArgv } from './isolation';
import { refusal } from './lab-guard';
import { lessonSection, slug } from './lessons';
import { descendants, killTree } from './run-tests';
import { changedIntrinsics, makeImportCheck, snapshotIntrinsics } from './sandbox';

describe('the import check for run-time import()', () => {
  const check = makeImportCheck(resolve, sep);
  const lab = '/c/labs/x';
  it('passes relative paths inside the lab, and refuses everything else by a name the guard refuses', () => {
    expect(check('./helper', lab, lab)).toBe('./helper');
    expect(check('../x/util.ts', lab, join(lab, 'sub'))).toBe('../x/util.ts');
    for (const spec of ['./.meta/solution', './x.test.ts', './helper?raw', '../y/y', 'node:fs', 'fs', 'vitest', '/c/src/models/m.ts', 'data:text/javascript,1', 'file:///etc/passwd']) {
      expect(check(spec, lab, lab)).toBe(`qc-refused:${encodeURIComponent(spec)}`);
    }
  });
});

describe("the guard's reasons", () => {
  const root = '/c';
  const labsDir = '/c/labs';
  const lab = { lab: 'x', dir: '/c/labs/x' };
  it.each([
    ['./.meta/solution', '/c/labs/x/.meta/solution.ts', "the course's answer"],
    ['../../src/models/m', '/c/src/models/m.ts', "the course's own code (its models are the reference answers)"],
    ['../y/y', '/c/labs/y/y.ts', "another lab's files"],
    ['./x.test', '/c/labs/x/x.test.ts', 'the tests themselves'],
    ['vitest', undefined, 'the test framework, which lab code must not reach'],
    ['node:worker_threads', undefined, "one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them"],
    ['module', undefined, "one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them"],
    ['fast-check', undefined, 'a package: lab code may only use its own files and the language'],
  ])('refuses %s', (source, resolved, reason) => {
    expect(refusal(source, lab, labsDir, root, resolved)).toBe(reason);
  });
  it("allows the lab's own files", () => {
    expect(refusal('./helpers/math', lab, labsDir, root, '/c/labs/x/helpers/math.ts')).toBeUndefined();
  });
});

describe('the built-ins watch', () => {
  it('sees a patched method and an added one, and nothing when all is as it was', () => {
    const before = snapshotIntrinsics();
    expect(changedIntrinsics(before)).toEqual([]);
    const abs = Math.abs;
    try {
      Math.abs = () => 0;
      (Array.prototype as unknown as Record<string, unknown>).qcLast = 1;
      expect(changedIntrinsics(before).sort()).toEqual(['Array.prototype.qcLast (added)', 'Math.abs']);
    } finally {
      Math.abs = abs;
      delete (Array.prototype as unknown as Record<string, unknown>).qcLast;
    }
    expect(changedIntrinsics(before)).toEqual([]);
  });
});

describe('worker options', () => {
  it('run lab code under the permission model, without eval, with a fixed heap, writing only the progress file', () => {
    const args = workerExecArgv('/nowhere', { QC_GRADER_EVENTS: '/tmp/e.ndjson' });
    expect(args[0]).toMatch(/^--(experimental-)?permission$/);
    expect(args).toContain('--allow-fs-write=/tmp/e.ndjson');
    expect(args).toContain('--disallow-code-generation-from-strings');
    expect(args).toContain('--max-old-space-size=512');
    expect(args.filter((a) => a.startsWith('--allow-fs-write'))).toHaveLength(1);
    expect(args.some((a) => /--allow-(child-process|worker|addons)/.test(a))).toBe(false);
    expect(new Set(args).size).toBe(args.length);
  });

  it('lets QC_WORKER_MEMORY_MB lower the heap, never raise it', () => {
    const heap = (value?: string) => workerExecArgv('/nowhere', value === undefined ? {} : { QC_WORKER_MEMORY_MB: value }).filter((a) => a.startsWith('--max-old-space-size'));
    expect(heap('128')).toEqual(['--max-old-space-size=128']);
    for (const ignored of [undefined, '4096', '512', '32', '100.5', 'lots', '']) expect(heap(ignored), `QC_WORKER_MEMORY_MB=${ignored}`).toEqual(['--max-old-space-size=512']);
  });
});

describe.runIf(process.platform === 'linux')('process cleanup', () => {
  it('kills a grandchild that left the process group for a session of its own', async () => {
    // A child that starts a grandchild in a new session (setsid), which holds stderr open, then exits.
    const child = spawn(process.execPath, ['-e', "require('child_process').spawn('setsid', ['sleep', '300'], { stdio: 'inherit' }); setTimeout(() => {}, 300000)"], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let known = descendants(child.pid!);
    for (let i = 0; i < 100 && !known.some((ref) => ref.pid !== child.pid); i++) {
      await new Promise((r) => setTimeout(r, 100));
      known = descendants(child.pid!);
    }
    expect(known.length).toBeGreaterThan(0);
    const exited = new Promise((r) => child.once('exit', r));
    killTree(child, known);
    await exited;
    // Gone, or a zombie waiting for a parent to reap it (it runs no more). A killed process can stay
    // runnable ('R') for a moment on a busy machine until it is scheduled to die, so wait up to 5 s:
    // a grandchild the kill missed would still be asleep in `sleep 300` by then.
    const state = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      } catch {
        return 'gone';
      }
    };
    const ended = () => known.every((ref) => ['gone', 'Z', 'X'].includes(state(ref.pid)));
    for (let i = 0; i < 50 && !ended(); i++) await new Promise((r) => setTimeout(r, 100));
    for (const ref of known) expect(['gone', 'Z', 'X']).toContain(state(ref.pid));
  });
});

describe('command line help', () => {
  it('suggests the nearest flag for a misspelling, and nothing for a stranger', () => {
    expect(nearestFlag('--hnt')).toBe('--hint');
    expect(nearestFlag('--jsno')).toBe('--json');
    expect(nearestFlag('--wacth')).toBe('--watch');
    expect(nearestFlag('--frobnicate')).toBeUndefined();
  });
  it('takes back the flags npm kept for itself', () => {
    expect(flagsFromNpm({ npm_config_hint: 'true', npm_config_json: '' })).toEqual(['--hint']);
  });
});

describe('lesson sections', () => {
  it("turns a heading into Starlight's anchor, and finds a hint's section in its lesson", () => {
    expect(slug("Little's Law")).toBe('littles-law');
    expect(slug('The fewest stable servers')).toBe('the-fewest-stable-servers');
    const root = join(import.meta.dirname, '..', '..');
    expect(lessonSection(root, 'module-16/littles-law', 'the-fewest-stable-servers')).toEqual({ file: 'content/module-16/littles-law.mdx', heading: 'The fewest stable servers' });
  });
});
