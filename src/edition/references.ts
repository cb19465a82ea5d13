/**
 * For the edition's proof in `npm test` only (this never ships): puts each lab's reference solution
 * into a student edition in place of the starter, as a student who solved every lab would have it —
 * the solution file as `labs/<id>/<id>.ts`, and the course modules it imports beside it, their imports
 * pointed where those modules are in the edition (the common helpers live in src/labkit/common/ there).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadLabs } from '../labs/catalog';
import { LABS_DIR } from '../labs/layout';
import { rewriteImports } from './build';
import { closure } from './closure';
import { editionPath } from './layout';

const posix = (path: string): string => path.split(sep).join('/');

/** Writes every lab's reference solution into `edition`; returns the files written (relative). */
export function dropInReferences(root: string, edition: string): string[] {
  const written: string[] = [];
  for (const lab of loadLabs(join(root, LABS_DIR))) {
    const needs = closure([lab.solutionFile]).files;
    for (const file of needs) {
      const at = file === lab.solutionFile ? posix(relative(root, lab.studentFile)) : editionPath(posix(relative(root, file)));
      // The helpers the edition already ships stay as they are: the tests use those very modules.
      if (file !== lab.solutionFile && existsSync(join(edition, at))) continue;
      mkdirSync(dirname(join(edition, at)), { recursive: true });
      writeFileSync(join(edition, at), rewriteImports(root, file, readFileSync(file, 'utf8'), at));
      written.push(at);
    }
  }
  return written;
}
