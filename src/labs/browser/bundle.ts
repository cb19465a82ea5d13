/**
 * Bundles one lab's unmodified test file for the lesson page's worker (issue 15): `vitest` becomes the
 * shim (vitest-shim.ts), the test's import of the lab (`./<id>`) becomes a module that reads the
 * student's module from `globalThis.__qcLab` (set by the worker before it imports the bundle), and
 * everything else — fast-check, src/labkit, the models the tests use — comes from the course's own
 * node_modules and lockfile, so the seeded property runs meet the same cases as in the grader.
 *
 * The bundle exports the shim's `collectedTests` and `runTests`, and `LAB_IMPORTS`, the names the
 * tests import from the lab. Used by the Astro integration (integration.ts) and the parity check.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { functionsCalledByTests } from '../../grader/hangs';

const here = dirname(fileURLToPath(import.meta.url));
export const SHIM_FILE = join(here, 'vitest-shim.ts');
/** The global the worker puts the student's module namespace in before importing a test bundle. */
export const LAB_GLOBAL = '__qcLab';

export interface BundleTarget {
  id: string;
  testFile: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value names a test file imports from its lab (`import { a, type B, c as d } from './<id>'`). */
export function labImports(testSource: string, id: string): string[] {
  const names = new Set<string>();
  const pattern = new RegExp(`import\\s*(type\\s*)?\\{([^}]*)\\}\\s*from\\s*['"]\\./${escapeRegExp(id)}(?:\\.ts)?['"]`, 'g');
  for (const match of testSource.matchAll(pattern)) {
    if (match[1]) continue;
    for (const part of match[2]!.split(',')) {
      const name = part.trim();
      if (!name || name.startsWith('type ')) continue;
      names.add(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return [...names];
}

/** The module that stands in for the student's file inside a test bundle. */
export function labModuleSource(names: string[]): string {
  return [
    `const lab = globalThis.${LAB_GLOBAL} ?? {};`,
    `export const LAB_IMPORTS = ${JSON.stringify(names)};`,
    `const missing = LAB_IMPORTS.filter((name) => !(name in lab));`,
    // The worker turns this into the grader's "no longer exports" diagnosis.
    `if (missing.length) throw Object.assign(new Error('missing exports: ' + missing.join(', ')), { name: 'QcMissingExports', missing });`,
    ...names.map((name) => `export const ${name} = lab[${JSON.stringify(name)}];`),
  ].join('\n');
}

function labPlugin(target: BundleTarget): Plugin {
  const testSource = readFileSync(target.testFile, 'utf8');
  const names = labImports(testSource, target.id);
  const ownImport = new RegExp(`^\\./${escapeRegExp(target.id)}(\\.ts)?$`);
  return {
    name: 'qc-lab-tests',
    setup(b) {
      b.onResolve({ filter: /^vitest$/ }, () => ({ path: SHIM_FILE }));
      b.onResolve({ filter: ownImport }, (args) => (args.importer === target.testFile ? { path: target.id, namespace: 'qc-lab' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'qc-lab' }, () => ({ contents: labModuleSource(names), loader: 'js' }));
      b.onResolve({ filter: /^qc-entry$/ }, () => ({ path: 'entry', namespace: 'qc-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'qc-entry' }, () => ({
        contents: [
          `export { collectedTests, runTests } from ${JSON.stringify(SHIM_FILE)};`,
          `export { LAB_IMPORTS } from 'qc-lab-names';`,
          // Which lab functions each test calls (the grader's hangs.ts): after a hang, the tests that call
          // the same single function are not run again, as in the grader.
          `export const TEST_CALLS = ${JSON.stringify(Object.fromEntries([...functionsCalledByTests(target.testFile)].map(([name, fns]) => [name, [...fns]])))};`,
          `import ${JSON.stringify(target.testFile)};`,
        ].join('\n'),
        resolveDir: dirname(target.testFile),
        loader: 'ts',
      }));
      b.onResolve({ filter: /^qc-lab-names$/ }, () => ({ path: target.id, namespace: 'qc-lab' }));
      // `import fc from 'fast-check'` pulls in all of fast-check; a namespace import lets the bundler keep
      // only what the test uses (about 37 kB gz less), with the same code and the same seeded runs.
      b.onLoad({ filter: /\.test\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace(/import\s+fc\s+from\s+(['"])fast-check\1/, "import * as fc from 'fast-check'"),
        loader: 'ts',
      }));
    },
  };
}

/** The lab's tests as one ES module for the page's worker. */
export async function bundleLabTests(target: BundleTarget, options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: ['qc-entry'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [labPlugin(target)],
  });
  return result.outputFiles[0]!.text;
}

/** A lab file (the reference, a known mistake, a starter) as one ES module, for the parity check. */
export async function bundleLabCode(file: string): Promise<string> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
