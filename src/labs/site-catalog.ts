/**
 * The labs as the site sees them at build time: metadata validated with the grader's schema, the
 * student's starter source, and the brief. A lesson that names a lab that does not exist, or a lab
 * whose metadata is malformed, fails the build with a message saying which and why.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import courseFile from '../../labs/labs.json';
import { LABS_DIR, labPaths } from './layout';
import { courseLabsSchema, describeIssues, labMetaSchema, maxPoints, type LabMeta } from './schema';

const metas = import.meta.glob<unknown>('/labs/*/lab.json', { eager: true, import: 'default' });
const sources = import.meta.glob<string>('/labs/*/*.ts', { eager: true, query: '?raw', import: 'default' });
const briefs = import.meta.glob<{ Content: AstroComponentFactory }>('/labs/*/brief.md', { eager: true });

export interface SiteLab {
  meta: LabMeta;
  /** Points the lab is worth in all. */
  maxPoints: number;
  /** The student's file as committed: the starter. */
  source: string;
  /** Where the student's file lives, from the project root. */
  studentPath: string;
  Brief: AstroComponentFactory;
}

const course = courseLabsSchema.safeParse(courseFile);
if (!course.success) throw new Error(describeIssues('labs/labs.json', course.error));

/** All labs, in course order. */
export const courseLabIds: readonly string[] = course.data.labs;

export function siteLab(id: string): SiteLab {
  if (!courseLabIds.includes(id)) {
    throw new Error(`<Lab id="${id}" />: there is no lab "${id}" in labs/labs.json (labs: ${courseLabIds.join(', ')})`);
  }
  // Paths from the project root; the globs above key the same files by '/' + that path.
  const paths = labPaths(LABS_DIR, id);
  const raw = metas[`/${paths.metaFile}`];
  if (raw === undefined) throw new Error(`${paths.metaFile} is missing`);
  const meta = labMetaSchema.safeParse(raw);
  if (!meta.success) throw new Error(describeIssues(paths.metaFile, meta.error));
  const source = sources[`/${paths.studentFile}`];
  if (source === undefined) throw new Error(`${paths.studentFile} is missing`);
  const brief = briefs[`/${paths.briefFile}`];
  if (!brief) throw new Error(`${paths.briefFile} is missing`);
  return { meta: meta.data, maxPoints: maxPoints(meta.data), source, studentPath: paths.studentFile, Brief: brief.Content };
}
