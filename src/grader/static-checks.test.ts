import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '../labs/catalog';
import { StaticChecker } from './static-checks';

/** A lab folder in a fresh project root (no tsconfig.json: strict TypeScript), and a way to edit it. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'qc-static-'));
  const dir = join(root, 'labs', 'demo');
  mkdirSync(dir, { recursive: true });
  const lab = { id: 'demo', dir, studentFile: join(dir, 'demo.ts'), testFile: join(dir, 'demo.test.ts') } as Lab;
  writeFileSync(lab.testFile, "import { double } from './demo';\n");
  const kinds = (checker: StaticChecker) => (checker.check([lab]).get('demo') ?? []).map((d) => d.kind);
  return { root, lab, kinds, write: (name: string, text: string) => writeFileSync(join(root, name), text) };
}

describe('StaticChecker remembers a verdict only as long as what it read is unchanged', () => {
  it('checks an edited lab again, and sees a change in a file outside the lab that the lab imports', () => {
    const { root, kinds, write } = project();
    write('outside.ts', 'export const two: number = 2;\n');
    write('labs/demo/demo.ts', "import { two } from '../../outside';\nexport const double = (x: number): number => x * two;\n");
    expect(kinds(new StaticChecker(root))).toEqual([]);
    expect(existsSync(join(root, 'node_modules', '.cache', 'queues-and-caches', 'static-checks.json'))).toBe(true);

    // Only the imported file outside the lab changes, and the lab's file no longer type-checks.
    write('outside.ts', "export const two: string = 'two';\n");
    expect(kinds(new StaticChecker(root))).toEqual(['types']);

    // The lab's own file changes: a syntax error, then a lost export, found as soon as the file says so,
    // with and without the cache.
    write('labs/demo/demo.ts', 'export const double = (x: number): number => { return x * 2;\n');
    expect(kinds(new StaticChecker(root))).toEqual(['syntax']);
    expect(kinds(new StaticChecker(root, { cache: false }))).toEqual(['syntax']);
    write('labs/demo/demo.ts', 'export const triple = (x: number): number => x * 3;\n');
    expect(kinds(new StaticChecker(root))).toEqual(['missing-export']);
    expect(kinds(new StaticChecker(root))).toEqual(['missing-export']);
  });
});
