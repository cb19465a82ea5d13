/**
 * For the edition's proof in `npm test` only (this never ships): puts each lab's reference solution
 * into a student edition in place of the starter, as a student who solved every lab would have it.
 * The grader lets lab code import only files of its own lab folder (src/grader/lab-guard.ts), so the
 * solution becomes `labs/<id>/<id>.ts` and every course module it imports (a model, a common helper, a
 * `.meta/support/` file) is copied into `labs/<id>/reference/` under its course path, with the imports
 * between them pointed at those copies — the student's own files, as far as the grader can tell.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadLabs } from '../labs/catalog';
import { LABS_DIR, META } from '../labs/layout';
import { rewriteImports } from './build';
import { closure } from './closure';

const posix = (path: string): string => path.split(sep).join('/');

/** Where a course module a lab's solution imports goes in that lab's folder (no `.meta/` in the path: lab code may not import from there). */
export function referencePlace(labDir: string, file: string): string {
  return `${labDir}/reference/${file.split('/').map((part) => (part === META.dir ? 'meta' : part)).join('/')}`;
}

/** Writes every lab's reference solution into `edition`; returns the files written (relative). */
export function dropInReferences(root: string, edition: string): string[] {
  const written: string[] = [];
  for (const lab of loadLabs(join(root, LABS_DIR))) {
    const labDir = posix(relative(root, dirname(lab.studentFile)));
    const solution = posix(relative(root, lab.solutionFile));
    const place = (rel: string): string => (rel === solution ? posix(relative(root, lab.studentFile)) : referencePlace(labDir, rel));
    for (const file of closure([lab.solutionFile]).files) {
      const at = place(posix(relative(root, file)));
      mkdirSync(dirname(join(edition, at)), { recursive: true });
      writeFileSync(join(edition, at), rewriteImports(root, file, readFileSync(file, 'utf8'), at, place));
      written.push(at);
    }
  }
  return written;
}
