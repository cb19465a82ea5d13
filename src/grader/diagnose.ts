/**
 * Turns what went wrong into a sentence a student can act on: where (file:line in their own code — the
 * lab file or a helper beside it — when there is one), what happened, and what to do. Never a stack
 * trace. The sentences themselves live in scoring.ts (no Node imports), which the lesson pages' runner
 * shares; this file adds the one thing that needs Node: finding the student's files in a stack.
 */
import { dirname, relative, sep } from 'node:path';
import type { SerializedError } from './events';
import type { FileProblem } from './run-tests';
import { describeFileProblem as describeProblem, describeTestError as describeError, describeUnhandled as describeLate, type Locator } from './scoring';

export { inWords, plain } from './scoring';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const posix = (path: string): string => path.split(sep).join('/');

/**
 * The first `file:line:column` in an error's message or stack that is in the student's own code: the lab
 * file, or any other file of its folder except the tests and `.meta/`. Relative to `root`.
 */
export function locate(error: SerializedError, studentFile: string, root: string): string | undefined {
  const text = `${error.message}\n${error.stack ?? ''}`;
  const dir = dirname(studentFile);
  const pattern = new RegExp(`(?:file://)?(${escape(dir)}[\\\\/][^\\s:()'"]+?\\.[cm]?[jt]s):(\\d+)(?::(\\d+))?`, 'g');
  for (const match of text.matchAll(pattern)) {
    const file = match[1]!;
    const rel = relative(dir, file);
    if (rel.endsWith('.test.ts') || rel.startsWith('.meta')) continue;
    return `${posix(relative(root, file))}:${match[2]}${match[3] ? `:${match[3]}` : ''}`;
  }
  return undefined;
}

/** A Locator for one student file on disk. */
export function locator(studentFile: string, root: string): Locator {
  return (error) => locate(error, studentFile, root);
}

/** The student file as messages name it: relative to the root, with forward slashes. */
export function shownFile(studentFile: string, root: string): string {
  return posix(relative(root, studentFile));
}

/** One short paragraph for a failed or errored test. */
export function describeTestError(error: SerializedError | undefined, studentFile: string, root: string): string {
  return describeError(error, locator(studentFile, root));
}

/** An error Vitest caught outside a verdict: an unhandled rejection, or an error after a test ended. */
export function describeUnhandled(error: SerializedError, studentFile: string, root: string, type = ''): string {
  return describeLate(error, locator(studentFile, root), type);
}

/** One diagnosis for a lab whose test file could not be run at all. */
export function describeFileProblem(problem: FileProblem, studentFile: string, root: string): string {
  return describeProblem(problem, shownFile(studentFile, root), locator(studentFile, root));
}
