/**
 * Loads the course's labs from disk (for the grader and the tests; the site uses site-catalog.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COURSE_FILE, labPaths, type LabPaths } from './layout';
import { courseLabsSchema, describeIssues, labMetaSchema, type LabMeta } from './schema';

/** A lab as found on disk, with the paths of its parts (see layout.ts). */
export interface Lab extends LabMeta, LabPaths {}

/** Raised when the course's lab metadata is missing or malformed; its message lists every problem. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CatalogError(`${path} is missing`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads and validates labs/labs.json and every lab.json it lists, in course order. */
export function loadLabs(labsDir: string): Lab[] {
  const courseFile = join(labsDir, COURSE_FILE);
  const course = courseLabsSchema.safeParse(readJson(courseFile));
  if (!course.success) throw new CatalogError(describeIssues(courseFile, course.error));
  const problems: string[] = [];
  const labs: Lab[] = [];
  for (const id of course.data.labs) {
    const paths = labPaths(labsDir, id, join);
    const { metaFile } = paths;
    let raw: unknown;
    try {
      raw = readJson(metaFile);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const meta = labMetaSchema.safeParse(raw);
    if (!meta.success) {
      problems.push(describeIssues(metaFile, meta.error));
      continue;
    }
    if (meta.data.id !== id) problems.push(`${metaFile}: id is "${meta.data.id}" but the folder is "${id}"`);
    const lab: Lab = { ...meta.data, ...paths };
    // The reference solution is not needed to grade: the proofs and the layout check require it, and the
    // student edition (npm run edition), which has no .meta/ folders, loads its labs through here too.
    for (const file of [lab.testFile, lab.briefFile]) {
      if (!existsSync(file)) problems.push(`${file} is missing`);
    }
    labs.push(lab);
  }
  if (problems.length) throw new CatalogError(problems.join('\n'));
  return labs;
}
