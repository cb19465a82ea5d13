/**
 * The grader's scoring rules and its sentences, with no Node import: shared by the CLI grader
 * (grade.ts, diagnose.ts) and the lesson pages' in-browser runner (src/labs/browser/), so that the two
 * cannot drift. Paths are passed in as plain strings; finding a location in a stack is the caller's
 * (a `Locator`), since the CLI sees file paths and the page sees blob: URLs.
 */
import type { Hints } from '../labs/schema';
import type { SerializedError } from './events';

export type TestStatus = 'passed' | 'failed' | 'timeout' | 'error';

export interface TestResult {
  name: string;
  status: TestStatus;
  /** Why it failed, timed out or errored. */
  error?: SerializedError;
  durationMs?: number;
  /** The first lines the test printed with console.log and friends. */
  logs?: string[];
}

/** Why a whole test file could not be graded. */
export type FileProblem =
  | { kind: 'load-error'; error: SerializedError }
  /** `settling`: the worker's event loop still turned (an await that never settles), not a loop. */
  | { kind: 'load-timeout'; afterMs: number; settling?: boolean }
  | { kind: 'memory'; limitMb: number }
  | { kind: 'crash'; detail: string };

/** What a run of one lab's test file produced: what scoring needs (run-tests.ts's FileResult has more). */
export interface FileOutcome {
  /** The tests found in the file, in order (empty if it never loaded). */
  collected: string[];
  results: Map<string, TestResult>;
  problem?: FileProblem;
  /** Imports from lab code that were refused: the lab's result is not valid. */
  refused?: { source: string; reason: string }[];
  /** Why the run cannot be trusted (lab code changed built-ins or overruled a verdict). */
  tampered?: string;
  /** Errors caught outside a verdict (an unhandled rejection, an error after a test ended). */
  unhandled?: { test?: string; kind?: string; error: SerializedError }[];
  /** Things to tell the student that are not results. */
  notes?: string[];
}

export interface GradedTest {
  name: string;
  status: TestStatus;
  points: number;
  max: number;
  /** Why it did not pass, in words. */
  message?: string;
  hints: Hints;
  /** The first lines the test printed (console.log), when it did not pass. */
  logs?: string[];
}

export interface GradedLab {
  id: string;
  title: string;
  lesson: string;
  score: number;
  max: number;
  tests: GradedTest[];
  /** Set when the lab could not be graded at all: what went wrong and what to do. */
  diagnosis?: string;
  /** Tests found in the test file that lab.json does not list (they earn nothing). */
  ungraded: string[];
  /** False when the lab's result cannot be trusted (a refused import, changed built-ins): scored 0. */
  valid: boolean;
  /** Why the result is not valid. */
  invalid?: string;
  /** Things to fix that do not change the score: type errors, a stale .js beside the lab file. */
  warnings: string[];
}

/** What scoring needs of a lab: lab.json's fields. */
export interface ScoredLabMeta {
  id: string;
  title: string;
  lesson: string;
  timeoutMs: number;
  tests: { name: string; points: number; hints: Hints }[];
}

/** Finds `file:line:column` of the student's own code in an error, as the caller's paths read. */
export type Locator = (error: SerializedError) => string | undefined;

export interface ScoringContext {
  /** The lab's test file name as the student knows it (`<id>.test.ts`). */
  testFileName: string;
  locate: Locator;
  /** Which graded test holds a line of the test file (for an error after a test ended), if known. */
  testAtLine?: (line: number) => string | undefined;
  /** The test file's path as it appears in stacks, to read that line. */
  testFilePath?: string;
  /** The student file as the messages name it (`labs/<id>/<id>.ts`). */
  studentFile: string;
  /** A problem found before the run that explains the whole lab. */
  diagnosis?: string;
  warnings?: string[];
}

// Vitest colours some messages even with colours off; a report is plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
export function describeTestError(error: SerializedError | undefined, locate: Locator): string {
  if (!error) return 'the test failed without saying why';
  const message = plain(error.message).trim();
  const todo = NOT_IMPLEMENTED.exec(message);
  if (todo) return `not started yet: ${todo[1] ? `\`${todo[1]}\`` : 'the code'} still throws "not implemented"`;
  const where = error.name !== 'AssertionError' ? locate(error) : undefined;
  const at = where ? ` (at ${where})` : '';
  if (error.name === 'NonErrorThrown') return `your code ${message}: throw an Error (or a RangeError, TypeError…) so that callers can tell what went wrong${at}`;
  if (error.name === 'OutOfMemory') return `your code ${message}: look for an array or map that grows without end, or a loop that keeps allocating${at}`;
  if (error.name === 'QcIntegrityError') return `${message}: this lab's result is not valid`;
  const property = /Counterexample: (.*)\n[\s\S]*?Got error: ([\s\S]*?)(?:\n\s*at |\n\n|$)/.exec(message);
  if (property) return `${firstLines(property[2]!, 3)} (counterexample: ${property[1]})`;
  const what = error.name === 'AssertionError' ? inWords(message) : error.name === 'Error' ? message : `${error.name}: ${message}`;
  return `${firstLines(what, 4)}${at}`;
}

/** An error caught outside a verdict: an unhandled rejection, or an error after a test ended. */
export function describeUnhandled(error: SerializedError, locate: Locator, type = ''): string {
  const where = locate(error);
  const message = plain(error.message).trim();
  const what = `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${firstLines(message, 2)}`;
  const kind = /Unhandled ?Rejection/i.test(`${error.name} ${type}`)
    ? 'a promise was rejected and nothing handled it'
    : 'an error was thrown after the test had finished (a timer or a promise your code left running?)';
  return `${kind}: ${what}${where ? ` (at ${where})` : ''}. Handle it (await the promise, or add .catch) so that it cannot go unnoticed.`;
}

export function firstLines(text: string, n: number): string {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.slice(0, n).join('\n') + (lines.length > n ? ' …' : '');
}

/** Whether a load error is the compiler's (a real syntax error) rather than a SyntaxError the code threw. */
function isCompileError(error: SerializedError, message: string): boolean {
  if (/Transform failed|\[plugin:vite:esbuild\]|Parse failure|ERROR: /.test(message)) return true;
  return error.name === 'SyntaxError' && !/JSON|at JSON\.parse|at new RegExp|at RegExp/.test(`${message}\n${error.stack ?? ''}`) && !/\.[cm]?[jt]s:\d+/.test(error.stack ?? '');
}

/** One diagnosis for a lab whose test file could not be run at all; `file` is the student file as shown. */
export function describeFileProblem(problem: FileProblem, file: string, locate: Locator): string {
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
      const where = locate(error);
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

/** The message of a refused import from lab code. */
export function refusalMessage(source: string, reason: string): string {
  return `lab code may only import its own files; \`${source}\` is ${reason}`;
}

/** Why a lab's run cannot be trusted, if it cannot: the first refused import, or changed built-ins. */
export function invalidReason(result: FileOutcome | undefined): string | undefined {
  const refused = result?.refused?.[0];
  if (refused) return refusalMessage(refused.source, refused.reason);
  if (result?.tampered) return result.tampered;
  return undefined;
}

/** The sentence for a lab whose tests cannot see the names they import. */
export function missingExportsMessage(file: string, missing: string[], via = ''): string {
  return `${file} no longer exports ${missing.map((n) => `\`${n}\``).join(', ')}${via}, which the tests import. Keep every export of the starter, with the same name (the lesson shows the contract).`;
}

/** Scores one lab from the results of its test file: the rules the CLI and the page share. */
export function scoreOutcome(lab: ScoredLabMeta, result: FileOutcome | undefined, context: ScoringContext): GradedLab {
  const { locate } = context;
  const invalid = invalidReason(result);
  const fileDiagnosis = invalid
    ? `${invalid}. This lab's result is not valid, so it scores 0: remove that code and grade again.`
    : (context.diagnosis ?? (result?.problem ? describeFileProblem(result.problem, context.studentFile, locate) : undefined));
  const unhandled = new Map<string, string>();
  const loose: string[] = [];
  for (const { test, kind, error } of result?.unhandled ?? []) {
    const sentence = describeUnhandled(error, locate, kind);
    // Vitest names the test only when the error came while it ran; otherwise the test file's line in
    // the error's stack says which test started the code that failed.
    const line = context.testFilePath ? new RegExp(`${escapeRegExp(context.testFilePath)}:(\\d+)`).exec(error.stack ?? '')?.[1] : undefined;
    const name = test
      ? lab.tests.find((t) => t.name === test || t.name.endsWith(` > ${test}`))?.name
      : line && context.testAtLine
        ? context.testAtLine(Number(line))
        : undefined;
    if (name && !unhandled.has(name)) unhandled.set(name, sentence);
    else if (!name) loose.push(sentence);
  }
  const tests = lab.tests.map((meta): GradedTest => {
    const base = { name: meta.name, max: meta.points, hints: meta.hints };
    if (fileDiagnosis) return { ...base, status: 'error', points: 0, message: fileDiagnosis };
    const outcome = result?.results.get(meta.name);
    if (!outcome) {
      const why = result?.collected.includes(meta.name)
        ? 'this test did not run (is it marked .skip or .todo in the test file?)'
        : `no test of this name was found in ${context.testFileName} (was the test file changed?)`;
      return { ...base, status: 'error', points: 0, message: why };
    }
    const logs = outcome.logs?.length ? { logs: outcome.logs } : {};
    const late = unhandled.get(meta.name);
    if (outcome.status === 'passed' && late) return { ...base, status: 'failed', points: 0, message: late, ...logs };
    if (outcome.status === 'passed') return { ...base, status: 'passed', points: meta.points };
    const message =
      outcome.status === 'timeout'
        ? outcome.error?.name === 'KnownHang' || outcome.error?.name === 'Deadline'
          ? outcome.error.message
          : `did not finish within ${lab.timeoutMs / 1000} s, so it was stopped: look for a loop that never ends, or a promise that never settles`
        : describeTestError(outcome.error, locate);
    return { ...base, status: outcome.status, points: 0, message, ...logs };
  });
  return {
    id: lab.id,
    title: lab.title,
    lesson: lab.lesson,
    score: tests.reduce((sum, test) => sum + test.points, 0),
    max: lab.tests.reduce((sum, test) => sum + test.points, 0),
    tests,
    ...(fileDiagnosis ? { diagnosis: fileDiagnosis } : {}),
    ungraded: (result?.collected ?? []).filter((name) => !lab.tests.some((test) => test.name === name)),
    valid: !invalid,
    ...(invalid ? { invalid } : {}),
    warnings: [...(context.warnings ?? []), ...(result?.notes ?? []), ...loose],
  };
}

/** Vitest's timeout sentence, which makes a failed test a `timeout`. */
export const TIMED_OUT = /^Test timed out in \d+ms/;

/** A verdict's status: passed, a timeout (Vitest's own message), or failed. */
export function verdictStatus(passed: boolean, error: SerializedError | undefined): TestStatus {
  return passed ? 'passed' : error && TIMED_OUT.test(error.message) ? 'timeout' : 'failed';
}

/** Turns anything thrown into a SerializedError, describing values that are not Errors. */
export function serializeError(error: unknown): SerializedError {
  if (error && typeof error === 'object') {
    const { name, message, stack, expected, actual } = error as Record<string, unknown>;
    if (typeof message === 'string') {
      return {
        name: typeof name === 'string' ? name : 'Error',
        message,
        ...(typeof stack === 'string' ? { stack } : {}),
        ...(typeof expected === 'string' && typeof actual === 'string' ? { expected, actual } : {}),
      };
    }
  }
  return { name: 'NonError', message: describeThrown(error) };
}

/** "the number 42", "the string \"oops\"", "undefined": what a non-Error throw was. */
export function describeThrown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'string':
      return `the string ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'symbol':
      return `a symbol (${String(value)})`;
    case 'function':
      return 'a function';
    default:
      try {
        const json = JSON.stringify(value);
        return `the object ${json && json.length > 80 ? `${json.slice(0, 80)}…` : json}`;
      } catch {
        return 'an object';
      }
  }
}

/** The message for a test held back because the function it calls hung in an earlier test. */
export function knownHangMessage(fn: string, hungTest: string): string {
  return `not run again: it calls \`${fn}\`, which did not finish in "${hungTest}". Fix that first, then grade again.`;
}

/**
 * The tests not yet scored that call the one lab function `hungTest` calls, with that function's name;
 * empty when the hung test calls none or several. `calls`: per test, the lab functions its body calls.
 */
export function callersOfHung(calls: ReadonlyMap<string, ReadonlySet<string>>, hungTest: string, collected: string[], scored: string[]): [string, string][] {
  const hung = calls.get(hungTest);
  if (!hung || hung.size !== 1) return [];
  const [fn] = [...hung] as [string];
  return collected.filter((name) => name !== hungTest && !scored.includes(name) && calls.get(name)?.has(fn)).map((name) => [name, fn]);
}
