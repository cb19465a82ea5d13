/**
 * Turns what went wrong into a sentence a student can act on: where (file:line in their own code — the
 * lab file or a helper beside it — when there is one), what happened, and what to do. Never a stack
 * trace.
 */
import { dirname, relative, sep } from 'node:path';
import type { SerializedError } from './events';
import type { FileProblem } from './run-tests';

// Vitest colours some messages even with colours off; a report is plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

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

/**
 * Rewrites Vitest's assertion sentence ("expected 5 to be 10 // Object.is equality") to say the wanted
 * value first, in words: "expected 10, but got 5". Other messages pass through unchanged.
 */
export function inWords(message: string): string {
  const match = /^(.*?)expected (.+) to (?:be|equal|deeply equal|strictly equal|be close to) (.+?)(?: \/\/ Object\.is equality)?$/s.exec(message);
  if (!match || match[2]!.includes('\n')) return message;
  return `${match[1]}expected ${match[3]}, but got ${match[2]}`;
}

const NOT_IMPLEMENTED = /not implemented(?::\s*([\w.$#]+))?/;

/** One short paragraph for a failed or errored test. */
export function describeTestError(error: SerializedError | undefined, studentFile: string, root: string): string {
  if (!error) return 'the test failed without saying why';
  const message = plain(error.message).trim();
  const todo = NOT_IMPLEMENTED.exec(message);
  if (todo) return `not started yet: ${todo[1] ? `\`${todo[1]}\`` : 'the code'} still throws "not implemented"`;
  const where = error.name !== 'AssertionError' ? locate(error, studentFile, root) : undefined;
  const at = where ? ` (at ${where})` : '';
  if (error.name === 'NonErrorThrown') return `your code ${message}: throw an Error (or a RangeError, TypeError…) so that callers can tell what went wrong${at}`;
  if (error.name === 'OutOfMemory') return `your code ${message}: look for an array or map that grows without end, or a loop that keeps allocating${at}`;
  if (error.name === 'QcIntegrityError') return `${message}: this lab's result is not valid`;
  const property = /Counterexample: (.*)\n[\s\S]*?Got error: ([\s\S]*?)(?:\n\s*at |\n\n|$)/.exec(message);
  if (property) return `${firstLines(property[2]!, 3)} (counterexample: ${property[1]})`;
  const what = error.name === 'AssertionError' ? inWords(message) : error.name === 'Error' ? message : `${error.name}: ${message}`;
  return `${firstLines(what, 4)}${at}`;
}

/** An error Vitest caught outside a verdict: an unhandled rejection, or an error after a test ended. */
export function describeUnhandled(error: SerializedError, studentFile: string, root: string, type = ''): string {
  const where = locate(error, studentFile, root);
  const message = plain(error.message).trim();
  const what = `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${firstLines(message, 2)}`;
  const kind = /Unhandled ?Rejection/i.test(`${error.name} ${type}`)
    ? 'a promise was rejected and nothing handled it'
    : 'an error was thrown after the test had finished (a timer or a promise your code left running?)';
  return `${kind}: ${what}${where ? ` (at ${where})` : ''}. Handle it (await the promise, or add .catch) so that it cannot go unnoticed.`;
}

function firstLines(text: string, n: number): string {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.slice(0, n).join('\n') + (lines.length > n ? ' …' : '');
}

/** Whether a load error is the compiler's (a real syntax error) rather than a SyntaxError the code threw. */
function isCompileError(error: SerializedError, message: string): boolean {
  if (/Transform failed|\[plugin:vite:esbuild\]|Parse failure|ERROR: /.test(message)) return true;
  return error.name === 'SyntaxError' && !/JSON|at JSON\.parse|at new RegExp|at RegExp/.test(`${message}\n${error.stack ?? ''}`) && !/\.[cm]?[jt]s:\d+/.test(error.stack ?? '');
}

/** One diagnosis for a lab whose test file could not be run at all. */
export function describeFileProblem(problem: FileProblem, studentFile: string, root: string): string {
  const file = posix(relative(root, studentFile));
  switch (problem.kind) {
    case 'load-timeout':
      return problem.settling
        ? `${file} never finished loading (stopped after ${problem.afterMs / 1000} s): an \`await\` at the top level of your code waits for a promise that never settles. Move it into a function, or make sure the promise resolves.`
        : `${file} never finished loading (stopped after ${problem.afterMs / 1000} s). Code at the top level of the file runs when it is imported: look for a loop outside any function.`;
    case 'memory':
      return `${file} used more than ${problem.limitMb} MB of memory while it was being loaded, so it was stopped: look for an array or map that grows without end at the top level of your code.`;
    case 'crash':
      return `The test process stopped unexpectedly while grading ${file}: ${plain(problem.detail)}`;
    case 'load-error': {
      const error = problem.error;
      const message = plain(error.message).trim();
      const where = locate(error, studentFile, root);
      if (/process\.exit unexpectedly called/.test(message)) {
        return `${where ?? file} calls process.exit() while loading, which would end the grader too. Remove the call; return or throw instead.`;
      }
      if (error.name === 'NonErrorThrown' || (!error.stack && error.name === 'NonError')) {
        return `${where ?? file} ${message.startsWith('threw') ? message : `threw ${message}`} while it was being loaded. Code at the top level of the file runs on import; move it into a function, and throw Errors, not other values.`;
      }
      if (isCompileError(error, message)) {
        const detail = /ERROR: (.*)/.exec(message)?.[1] ?? firstLines(message, 1);
        return `${where ?? file} has a syntax error: ${detail}. Fix it (your editor underlines it in red), then grade again.`;
      }
      if (/Failed to (load|resolve)|Cannot find module|does not exist/.test(message)) {
        return `${where ?? file} could not be loaded: ${firstLines(message, 1)}. Check that its imports point at real files of the lab.`;
      }
      return `${where ?? file} throws while it is being loaded: ${error.name}: ${firstLines(message, 2)}. Code at the top level of the file runs on import; move it into a function.`;
    }
  }
}
