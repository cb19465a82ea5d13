/**
 * A Vite plugin that decides which implementation a lab's tests import. The tests always import the
 * student's file (`./<id>`); with QC_LAB_TARGET set, the import is pointed elsewhere instead:
 *   - `reference`             → labs/<id>/.meta/solution.ts (the proof that the tests can be passed)
 *   - `mistake:<id>/<name>`   → labs/<id>/.meta/mistakes/<name>.ts (the proof that they catch a mistake)
 * Nothing is copied over the student's file, so a proof run can never lose a student's work.
 */
import { basename, dirname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';
import { labPaths, mistakeFile, studentFileName, testFileName } from '../labs/layout';

export const LAB_TARGET_ENV = 'QC_LAB_TARGET';

/** Which implementation a lab test imports, given QC_LAB_TARGET and the lab's folder. */
export function targetFile(target: string | undefined, labDir: string, id: string): string | undefined {
  if (!target || target === 'student') return undefined;
  const paths = labPaths(dirname(labDir), id, join);
  if (target === 'reference') return paths.solutionFile;
  const mistake = /^mistake:([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(target);
  if (mistake) return mistake[1] === id ? mistakeFile(paths, mistake[2]!, join) : undefined;
  throw new Error(`${LAB_TARGET_ENV} must be "student", "reference" or "mistake:<lab>/<name>" (got "${target}")`);
}

export function labTarget(): Plugin {
  return {
    name: 'queues-and-caches:lab-target',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const target = process.env[LAB_TARGET_ENV];
      if (!target || target === 'student' || !importer) return null;
      const labDir = dirname(importer);
      const id = basename(labDir);
      if (basename(importer) !== testFileName(id)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || normalize(resolved.id) !== join(labDir, studentFileName(id))) return null;
      return targetFile(target, labDir, id) ?? null;
    },
  };
}
