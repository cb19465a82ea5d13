/**
 * Integrity of the grading files. The course's build records a SHA-256 of every file a grade depends
 * on — each lab's tests and lab.json, the lab list, the test configuration, the grader itself, and the
 * course modules the tests import — in src/grader/integrity.json (`npm run build:manifest`, which runs
 * src/dev/build-manifest.ts). The grader
 * compares the files on disk with it, and a report says plainly when one was changed and that the score
 * is then not valid. Students' own files are hashed too, so a report names exactly what was graded.
 *
 * Line endings are normalised before hashing, so a checkout on Windows (CRLF) verifies like any other.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { Lab } from '../labs/catalog';
import { COURSE_FILE } from '../labs/layout';
import { localImports } from './imports';

export const MANIFEST_FILE = 'src/grader/integrity.json';

export const manifestSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export interface IntegrityVerdict {
  /** intact: every grading file matches; modified: some do not; unverified: no manifest applies. */
  verdict: 'intact' | 'modified' | 'unverified';
  /** The grading files that differ from the manifest, or are missing, or are not in it. */
  changed: string[];
  /** SHA-256 of the manifest itself, so a report can be matched with a course release. */
  manifestSha256?: string;
}

/** SHA-256 of a file's text with CRLF line endings normalised to LF. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

const posix = (path: string) => path.split('\\').join('/');

function filesUnder(dir: string, pattern = /\.(ts|json)$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every file a grade of `labs` depends on, relative to `root`, sorted. */
export function gradingFiles(root: string, labs: Lab[], labsDir: string): string[] {
  const students = new Set(labs.map((lab) => lab.studentFile));
  const files = new Set<string>([
    join(labsDir, COURSE_FILE),
    join(root, 'vitest.config.ts'),
    join(root, 'tsconfig.json'),
    // The grade script and the Node version live here; the Classroom workflow lives in .github.
    join(root, 'package.json'),
    ...filesUnder(join(root, '.github'), /\.(ya?ml|json)$/),
    ...filesUnder(join(root, 'src', 'grader'), /\.(m?ts|mjs|json)$/),
    ...filesUnder(join(root, 'src', 'labkit')),
    join(root, 'src', 'labs', 'schema.ts'),
    join(root, 'src', 'labs', 'catalog.ts'),
    join(root, 'src', 'labs', 'layout.ts'),
  ]);
  for (const lab of labs) {
    files.add(lab.metaFile);
    for (const file of localImports(lab.testFile, students)) files.add(file);
  }
  files.delete(join(root, MANIFEST_FILE));
  return [...files].map((file) => posix(relative(root, file))).sort();
}

export function readManifest(root: string): Manifest | undefined {
  const path = join(root, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * The manifest hash a grading run must find, when one is pinned: the GitHub Classroom workflow sets it
 * to the hash of the course release's manifest, so that editing a test file together with the manifest
 * in a student's repository is still reported as a change.
 */
export const PINNED_MANIFEST_ENV = 'QC_MANIFEST_SHA256';

/** Compares the grading files for `labs` with the manifest (and the manifest with a pinned hash). */
export function checkIntegrity(root: string, labs: Lab[], labsDir: string): IntegrityVerdict {
  const manifest = readManifest(root);
  if (!manifest || resolve(labsDir) !== resolve(root, 'labs')) return { verdict: 'unverified', changed: [] };
  const manifestSha256 = sha256File(join(root, MANIFEST_FILE));
  const pinned = process.env[PINNED_MANIFEST_ENV];
  const changed = gradingFiles(root, labs, labsDir).filter((file) => {
    const expected = manifest.files[file];
    return !expected || !existsSync(join(root, file)) || sha256File(join(root, file)) !== expected;
  });
  // A file the manifest lists that is gone (a deleted helper the tests used to import) counts too.
  for (const file of Object.keys(manifest.files)) {
    if (!existsSync(join(root, file)) && !changed.includes(file)) changed.push(file);
  }
  if (pinned && pinned !== manifestSha256) changed.push(MANIFEST_FILE);
  return { verdict: changed.length ? 'modified' : 'intact', changed: changed.sort(), manifestSha256 };
}

/**
 * Compares the modules the workers actually ran (as lab-guard.ts hashed them when it served them) with
 * the manifest: a grading file swapped while a round ran and put back before the end is caught here,
 * where hashing the files on disk before and after would miss it. The student's own files are skipped.
 */
export function checkLoaded(root: string, loaded: { file: string; sha256: string; student: boolean }[]): string[] {
  const manifest = readManifest(root);
  if (!manifest) return [];
  return loaded.filter((f) => !f.student && manifest.files[f.file] !== f.sha256).map((f) => f.file);
}

/** Folds several integrity checks of one grading (before, after each round, the loaded modules) into one. */
export function mergeIntegrity(first: IntegrityVerdict, ...more: (IntegrityVerdict | string[])[]): IntegrityVerdict {
  if (first.verdict === 'unverified') return first;
  const changed = new Set(first.changed);
  for (const m of more) for (const file of Array.isArray(m) ? m : m.changed) changed.add(file);
  return { ...first, verdict: changed.size ? 'modified' : 'intact', changed: [...changed].sort() };
}
