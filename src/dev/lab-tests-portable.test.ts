/**
 * The labs' tests also run in a browser worker on each lesson page (issue 15), with `vitest` replaced by
 * a small shim (src/labs/browser/vitest-shim.ts). This check fails when a lab's test file, or a course
 * module it imports, imports from Node (`node:…`, `require`) or a package other than vitest and
 * fast-check, or uses a Vitest API the shim lacks. It iterates over the lab catalog, so a new lab is
 * checked without any wiring.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabs } from '../labs/catalog';
import { LABS_DIR } from '../labs/layout';
import { SHIM_API } from '../labs/browser/vitest-shim';
import { root } from './generated';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]/g;
const PACKAGES = new Set(['vitest', 'fast-check']);

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f) && f.endsWith('.ts'));
}

/** Problems in `file` and the course modules it imports (not the lab's own file, which the page replaces). */
export function portabilityProblems(testFile: string, labFile: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [testFile];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    const where = relative(root, file);
    if (/\brequire\s*\(/.test(text)) problems.push(`${where} calls require(), which a browser worker does not have`);
    for (const match of text.matchAll(IMPORT)) {
      const typeOnly = !!match[1];
      const spec = match[3] ?? match[4] ?? match[5]!;
      if (typeOnly) continue;
      if (spec.startsWith('node:')) {
        problems.push(`${where} imports ${spec}: Node's modules do not exist in the browser (src/labkit has isDeepStrictEqual)`);
      } else if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (!target) problems.push(`${where} imports ${spec}, which does not resolve to a .ts file`);
        else if (target !== labFile) queue.push(target);
      } else if (!PACKAGES.has(spec)) {
        problems.push(`${where} imports ${spec}; tests may import only vitest, fast-check and the course's own modules`);
      } else if (spec === 'vitest') {
        const names = /\{([\s\S]*)\}/.exec(match[2] ?? '')?.[1]?.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')) ?? [];
        if (!/^\{/.test((match[2] ?? '').trim())) problems.push(`${where} imports vitest as "${match[2]}"; import named APIs: { describe, it, assert }`);
        for (const name of names) {
          const imported = name.split(/\s+as\s+/)[0]!;
          if (!(imported in SHIM_API)) problems.push(`${where} imports \`${imported}\` from vitest, which the page's shim lacks (it has ${Object.keys(SHIM_API).join(', ')})`);
          const local = name.split(/\s+as\s+/)[1] ?? imported;
          for (const use of text.matchAll(new RegExp(`\\b${local}\\.(\\w+)`, 'g'))) {
            if (!(SHIM_API[imported] ?? []).includes(use[1]!)) problems.push(`${where} uses ${imported}.${use[1]}, which the page's shim lacks`);
          }
        }
      }
    }
  }
  return [...new Set(problems)];
}

describe("the labs' tests run in the browser", () => {
  const labs = loadLabs(join(root, LABS_DIR));
  it('finds the labs', () => expect(labs.length).toBeGreaterThan(0));
  for (const lab of labs) {
    it(`${lab.id}: its tests import nothing from Node and use only the Vitest API the shim has`, () => {
      expect(portabilityProblems(lab.testFile, lab.studentFile)).toEqual([]);
    });
  }

  it("the page's side of the runner and the shared scoring module import nothing from Node", () => {
    const files = [
      'src/grader/scoring.ts',
      'src/grader/student-globals.ts',
      'src/labs/browser/vitest-shim.ts',
      'src/labs/browser/protocol.ts',
      'src/labs/browser/worker-core.ts',
      'src/labs/browser/controller.ts',
      'src/components/lab-runner/lab-editor.ts',
      'src/components/lab-runner/LabEditor.tsx',
      'src/components/lab-runner/LabLauncher.tsx',
      'src/components/lab-runner/lab-worker.ts',
      'src/components/lab-runner/typecheck-worker.ts',
    ];
    const withNode = files.filter((f) => /from\s+['"]node:|require\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(withNode).toEqual([]);
  });

  it('catches a node: import, a foreign package and a Vitest API the shim lacks', () => {
    const dir = join(root, 'node_modules/.cache/qc-portable');
    const file = join(dir, 'x.test.ts');
    // Written on the fly so that no file in the repository holds a node: import in a test.
    return import('node:fs').then(({ mkdirSync, writeFileSync, rmSync }) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, "import { x } from 'node:util';\nimport { expect, it } from 'vitest';\nimport z from 'zod';\nit.skip('a', () => {});\n");
      try {
        const problems = portabilityProblems(file, join(dir, 'x.ts'));
        expect(problems.some((p) => p.includes('node:util'))).toBe(true);
        expect(problems.some((p) => p.includes('`expect`'))).toBe(true);
        expect(problems.some((p) => p.includes('it.skip'))).toBe(true);
        expect(problems.some((p) => p.includes('imports zod'))).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
