import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rewriteImports } from '../../../src/edition/build';
import { closure, moduleReferences, packageName } from '../../../src/edition/closure';
import { editionPath, forbidden } from '../../../src/edition/layout';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'qc-closure-'));
  write('labs/x/x.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';\nimport { createRng } from '../../src/models/common/rng';\nimport type { Clock } from '../../src/models/common/clock';\nimport { f } from './x';\n");
  write('labs/x/x.ts', 'export const f = 1;\n');
  write('src/models/common/rng.ts', "import { check } from './guards';\nexport const createRng = () => check;\n");
  write('src/models/common/guards.ts', "import { readFileSync } from 'node:fs';\nexport const check = readFileSync;\n");
  write('src/models/common/clock.ts', 'export interface Clock { now(): number }\n');
  write('src/grader/run.ts', "const ts = createRequire(import.meta.url)('typescript');\nconst worker = new URL('./worker.ts', import.meta.url);\nconst later = () => import('./later');\n");
  write('src/grader/worker.ts', "import pc from 'picocolors';\n");
  write('src/grader/later.ts', "import { z } from 'zod/mini';\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the edition follows imports', () => {
  it('reaches type-only imports, relative files and the packages they use, but not Node built-ins', () => {
    const found = closure([join(root, 'labs/x/x.test.ts')]);
    expect(found.files.map((f) => f.slice(root.length + 1))).toEqual(['labs/x/x.test.ts', 'labs/x/x.ts', 'src/models/common/clock.ts', 'src/models/common/guards.ts', 'src/models/common/rng.ts']);
    expect(found.packages).toEqual(['fast-check', 'vitest']);
  });

  it('follows createRequire, new URL(…, import.meta.url) and dynamic import', () => {
    const found = closure([join(root, 'src/grader/run.ts')]);
    expect(found.files.map((f) => f.slice(root.length + 1))).toEqual(['src/grader/later.ts', 'src/grader/run.ts', 'src/grader/worker.ts']);
    expect(found.packages).toEqual(['picocolors', 'typescript', 'zod']);
    expect(moduleReferences('a.ts', "require.resolve('vitest/package.json')").map((r) => r.specifier)).toEqual(['vitest/package.json']);
  });

  it('moves the common helpers to src/labkit/common/, and rewrites every import of them', () => {
    expect(editionPath('src/models/common/rng.ts')).toBe('src/labkit/common/rng.ts');
    expect(editionPath('src/grader/cli.ts')).toBe('src/grader/cli.ts');
    const file = join(root, 'labs/x/x.test.ts');
    const text = rewriteImports(root, file, "import { createRng } from '../../src/models/common/rng';\nimport type { Clock } from \"../../src/models/common/clock\";\nimport { f } from './x';\n");
    expect(text).toBe("import { createRng } from '../../src/labkit/common/rng';\nimport type { Clock } from '../../src/labkit/common/clock';\nimport { f } from './x';\n");
  });

  it('names what must never ship', () => {
    expect(['src/models/module-16/x.ts', 'labs/x/.meta/solution.ts', 'src/labkit/common/rng.ts', 'src/grader/cli.ts'].map(forbidden)).toEqual([true, true, false, false]);
    expect(['@scope/pkg/sub', 'pkg/sub', 'node:fs', 'fs/promises'].map(packageName)).toEqual(['@scope/pkg', 'pkg', undefined, undefined]);
  });
});
