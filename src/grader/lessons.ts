/**
 * Where a hint's third step points: the lesson's file and the heading of the section, so that a student
 * can read it without the site running (the local address works only while `npm start` does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The anchor Starlight gives a heading (GitHub's rule: lower case, punctuation dropped, spaces to -). */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/<[^>]*>|`|\*|_/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

export interface LessonSection {
  /** The lesson's source file, from the project root. */
  file: string;
  /** The section's heading as written, when one has that anchor. */
  heading?: string;
}

/** The lesson file of `lesson` (e.g. module-16/littles-law) and the heading whose anchor is `section`. */
export function lessonSection(root: string, lesson: string, section: string): LessonSection | undefined {
  for (const ext of ['mdx', 'md']) {
    const file = `content/${lesson}.${ext}`;
    const path = join(root, file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const match = /^#{2,6}\s+(.+?)\s*(?:\{#([\w-]+)\})?\s*$/.exec(line);
      if (match && (match[2] ?? slug(match[1]!)) === section) return { file, heading: match[1]! };
    }
    return { file };
  }
  return undefined;
}
