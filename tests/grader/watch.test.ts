/**
 * Watch mode on a copy of a fixture lab: the first grade arrives by itself; a save that fixes the code
 * is regraded to full marks; a save that makes a test loop forever is stopped and reported as a
 * timeout while the other test still counts.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/labs/catalog';
import type { GradedLab } from '../../src/grader/grade';
import { watch } from '../../src/grader/watch';

const root = join(import.meta.dirname, '..', '..');
const work = join(import.meta.dirname, `tmp-watch-${process.pid}`);
const labsDir = join(work, 'labs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('grade --watch', { timeout: 240_000 }, () => {
  beforeAll(() => {
    mkdirSync(labsDir, { recursive: true });
    cpSync(join(import.meta.dirname, 'fixtures', 'labs', 'partial'), join(labsDir, 'partial'), { recursive: true });
    writeFileSync(join(labsDir, 'labs.json'), JSON.stringify({ labs: ['partial'] }));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('grades at start, regrades on each save, and survives a test that never returns', async () => {
    const labs = loadLabs(labsDir);
    const seen: { lab: GradedLab; ms: number | undefined }[] = [];
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const watching = watch({ root, labsDir, labs, course: { name: 'test', version: '0' }, quiet: true, until, onGraded: (lab, ms) => seen.push({ lab, ms }) });
    const waitFor = async (what: string, predicate: (lab: GradedLab) => boolean) => {
      const start = Date.now();
      while (Date.now() - start < 75_000) {
        const hit = seen.find((s) => predicate(s.lab));
        if (hit) return hit;
        await sleep(20);
      }
      throw new Error(`watch mode never reported ${what}; saw ${JSON.stringify(seen.map((s) => s.lab.tests.map((t) => t.status)))}`);
    };
    try {
      expect((await waitFor('the first grade', () => true)).lab.score).toBe(1);
      seen.length = 0;
      writeFileSync(labs[0]!.studentFile, 'export function double(n: number): number {\n  return 2 * n;\n}\n');
      const fixed = await waitFor('full marks after the fix', (lab) => lab.score === 3);
      expect(fixed.ms).toBeGreaterThan(0);
      seen.length = 0;
      writeFileSync(labs[0]!.studentFile, 'export function double(n: number): number {\n  while (n === 5) {}\n  return 2 * n;\n}\n');
      const hung = await waitFor('a timeout', (lab) => lab.tests.some((t) => t.status === 'timeout'));
      expect(hung.lab.tests.map((t) => [t.name, t.status])).toEqual([
        ['double > doubles 2', 'passed'],
        ['double > doubles 5', 'timeout'],
      ]);
    } finally {
      stop();
      await watching;
    }
  });
});
