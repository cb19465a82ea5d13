/**
 * Follows a TypeScript file's relative imports, transitively: the course files a module depends on.
 * Used to decide which files a lab's grading depends on (integrity.ts) and which to mutate
 * (tests/mutation/run.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => /\.tsx?$/.test(p) && existsSync(p));
}

/**
 * `entry` and every local .ts file it imports, directly or not, except those in `exclude`. Type-only
 * imports and re-exports leave no code at run time, so the files they name are not followed (a model
 * that imports only the Clock type does not depend on ManualClock's code).
 */
export function localImports(entry: string, exclude: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || exclude.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
    for (const match of code.matchAll(IMPORT)) {
      const target = resolveLocal(file, (match[1] ?? match[2] ?? match[3])!);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}
