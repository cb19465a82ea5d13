import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports } from './imports';

describe('localImports', () => {
  it('does not follow type-only imports and re-exports, which leave no code at run time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qc-imports-'));
    writeFileSync(join(dir, 'entry.ts'), "import type { Clock } from './clock';\nexport type { Tick } from './tick';\nimport { run } from './run';\n");
    writeFileSync(join(dir, 'clock.ts'), 'export interface Clock {}\n');
    writeFileSync(join(dir, 'tick.ts'), 'export type Tick = 1;\n');
    writeFileSync(join(dir, 'run.ts'), 'export const run = 1;\n');
    expect(localImports(join(dir, 'entry.ts')).map((f) => f.slice(dir.length + 1)).sort()).toEqual(['entry.ts', 'run.ts']);
  });

  it('follows relative imports and re-exports transitively, and skips packages and excluded files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qc-imports-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'entry.ts'), "import { a } from './lib/a';\nimport fc from 'fast-check';\nimport type { S } from './student';\nexport * from './lib/b';\n");
    writeFileSync(join(dir, 'lib', 'a.ts'), "import { c } from '../c';\nexport const a = c;\n");
    writeFileSync(join(dir, 'lib', 'b.ts'), 'export const b = 1;\n');
    writeFileSync(join(dir, 'c.ts'), 'export const c = 2;\n');
    writeFileSync(join(dir, 'student.ts'), "import { never } from './never';\n");
    const files = localImports(join(dir, 'entry.ts'), new Set([join(dir, 'student.ts')]));
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['c.ts', 'entry.ts', 'lib/a.ts', 'lib/b.ts']);
  });
});
