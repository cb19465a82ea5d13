/**
 * The student edition's rules, in one place: what moves, what must never ship, and where things go.
 */
import { META } from '../labs/layout';

/** Course modules the tests may import, and where the edition puts them (so that no src/models/ ships). */
export const RELOCATED = [{ from: 'src/models/common/', to: 'src/labkit/common/' }] as const;
/** Where the reference solutions and models live: nothing under these may ship. */
export const FORBIDDEN = ['src/models/', `/${META.dir}/`] as const;
/** The edition's static server, run by its `start` script. */
export const SERVER = 'src/edition/serve.ts';
/** The folder of the built site in the edition. */
export const SITE_DIR = 'site';
/** The instructor guide's folder, in content/ and in the built site. */
export const INSTRUCTOR_SECTION = 'instructors';

/** Whether an edition path (relative, posix) is one that must never ship. */
export function forbidden(path: string): boolean {
  return FORBIDDEN.some((part) => (part.startsWith('/') ? `/${path}`.includes(part) : path.startsWith(part)));
}

/** Where a course file (relative, posix) goes in the edition. */
export function editionPath(file: string): string {
  for (const { from, to } of RELOCATED) if (file.startsWith(from)) return to + file.slice(from.length);
  return file;
}
