/**
 * A Vite plugin that decides which implementation a lab's tests import. The tests always import the
 * student's file (`./<id>`); with QC_LAB_TARGET set, the import is pointed elsewhere instead:
 *   - `reference`             → labs/<id>/.meta/solution.ts (the proof that the tests can be passed)
 *   - `mistake:<id>/<name>`   → labs/<id>/.meta/mistakes/<name>.ts (the proof that they catch a mistake)
 *   - several of those, comma-separated, at most one per lab (`mistake:a/x,mistake:b/y`): each lab's
 *     tests import that lab's mistake, so the proofs grade one mistake of every lab in a single run
 *     (each test file still runs in a process of its own). A lab the list does not name imports the
 *     student's file, as without QC_LAB_TARGET.
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
  const mistakes = parseMistakes(target);
  const name = mistakes.get(id);
  return name === undefined ? undefined : mistakeFile(paths, name, join);
}

/** The labs and mistakes a `mistake:<lab>/<name>[,mistake:<lab>/<name>…]` target names, by lab. */
export function parseMistakes(target: string): Map<string, string> {
  const byLab = new Map<string, string>();
  for (const part of target.split(',')) {
    const mistake = /^mistake:([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(part);
    if (!mistake) {
      throw new Error(
        `${LAB_TARGET_ENV} must be "student", "reference" or "mistake:<lab>/<name>", or several of the last separated by commas (got "${target}")`,
      );
    }
    if (byLab.has(mistake[1]!)) throw new Error(`${LAB_TARGET_ENV} names two mistakes of lab ${mistake[1]} (got "${target}")`);
    byLab.set(mistake[1]!, mistake[2]!);
  }
  return byLab;
}

/** The target that grades one known mistake of each of several labs in one run. */
export function mistakesTarget(mistakes: { lab: string; name: string }[]): string {
  return mistakes.map(({ lab, name }) => `mistake:${lab}/${name}`).join(',');
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
