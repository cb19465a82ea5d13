/**
 * Turns what went wrong into a sentence a student can act on: where (file:line in their own file, when
 * there is one), what happened, and what to do. Never a stack trace.
 */
import { relative } from 'node:path';
import type { SerializedError } from './events';
import type { FileProblem } from './run-tests';

// Vitest colours some messages even with colours off; a report is plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

/** The first `file:line:column` of `studentFile` in an error's message or stack, relative to `root`. */
export function locate(error: SerializedError, studentFile: string, root: string): string | undefined {
  const text = `${error.message}\n${error.stack ?? ''}`;
  const escaped = studentFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+)(?::(\\d+))?`).exec(text);
  if (!match) return undefined;
  return `${relative(root, studentFile).split('\\').join('/')}:${match[1]}${match[2] ? `:${match[2]}` : ''}`;
}

/**
 * Rewrites Vitest's assertion sentence ("expected 5 to be 10 // Object.is equality") to say the wanted
 * value first, in words: "expected 10, but got 5". Other messages pass through unchanged.
 */
export function inWords(message: string): string {
  const match = /^(.*?)expected (.+) to (?:be|equal|deeply equal|strictly equal|be close to) (.+?)(?: \/\/ Object\.is equality)?$/s.exec(message);
  if (!match || match[2]!.includes('\n')) return message;
  return `${match[1]}expected ${match[3]}, but got ${match[2]}`;
}

/** One short paragraph for a failed or errored test. */
export function describeTestError(error: SerializedError | undefined, studentFile: string, root: string): string {
  if (!error) return 'the test failed without saying why';
  const message = plain(error.message).trim();
  if (/^not implemented/.test(message)) return `not started yet: the function still throws "${message}"`;
  const property = /Counterexample: (.*)\n[\s\S]*?Got error: ([\s\S]*?)(?:\n\s*at |\n\n|$)/.exec(message);
  if (property) return `${firstLines(property[2]!, 3)} (counterexample: ${property[1]})`;
  const where = error.name !== 'AssertionError' ? locate(error, studentFile, root) : undefined;
  const what = error.name === 'AssertionError' ? inWords(message) : error.name === 'Error' ? message : `${error.name}: ${message}`;
  return `${firstLines(what, 4)}${where ? ` (at ${where})` : ''}`;
}

function firstLines(text: string, n: number): string {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.slice(0, n).join('\n') + (lines.length > n ? ' …' : '');
}

/** One diagnosis for a lab whose test file could not be run at all. */
export function describeFileProblem(problem: FileProblem, studentFile: string, root: string): string {
  const file = relative(root, studentFile).split('\\').join('/');
  switch (problem.kind) {
    case 'load-timeout':
      return `${file} never finished loading (stopped after ${problem.afterMs / 1000} s). Code at the top level of the file runs when it is imported: look for a loop outside any function.`;
    case 'crash':
      return `The test process stopped unexpectedly while grading ${file}: ${plain(problem.detail)}`;
    case 'load-error': {
      const error = problem.error;
      const message = plain(error.message).trim();
      const where = locate(error, studentFile, root);
      if (/process\.exit unexpectedly called/.test(message)) {
        return `${where ?? file} calls process.exit() while loading, which would end the grader too. Remove the call; return or throw instead.`;
      }
      if (error.name === 'SyntaxError' || /Transform failed|Expected|Unexpected|Parse failure|ERROR:/.test(message)) {
        const detail = /ERROR: (.*)/.exec(message)?.[1] ?? firstLines(message, 1);
        return `${where ?? file} has a syntax error: ${detail}. Fix it (your editor underlines it in red), then grade again.`;
      }
      if (/Failed to (load|resolve)|Cannot find module|does not exist/.test(message)) {
        return `${file} could not be loaded: ${firstLines(message, 1)}. Check the file exists and its imports point at real files.`;
      }
      return `${where ?? file} throws while it is being loaded: ${error.name}: ${firstLines(message, 2)}. Code at the top level of the file runs on import; move it into a function.`;
    }
  }
}
