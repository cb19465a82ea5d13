/**
 * Scores labs: maps the test results from run-tests.ts onto each lab's metadata (points, hints).
 * Pure apart from the run itself, so the scoring rules are unit-tested without Vitest.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Lab } from '../labs/catalog';
import { restoreStarterCommand, studentFileName, testFileName } from '../labs/layout';
import { maxPoints, type Hints } from '../labs/schema';
import { describeFileProblem, describeTestError, describeUnhandled, locate } from './diagnose';
import { testAtLine } from './hangs';
import { refusalMessage } from './lab-guard';
import { LOAD_TIMEOUT_MS } from './limits';
import { runTests, type FileResult, type LoadedFile, type RunRequest, type TestStatus } from './run-tests';
import { StaticChecker, type StaticDiagnosis } from './static-checks';

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

export interface GradeOptions {
  root: string;
  labsDir: string;
  /** Whose implementation to grade: the student's (default), the reference, or a known mistake. */
  target?: string;
  onEvent?: RunRequest['onEvent'];
  onOverrun?: RunRequest['onOverrun'];
  onRound?: RunRequest['onRound'];
  /** Receives every module the workers ran, with its hash (for the integrity check). */
  onLoaded?: (loaded: LoadedFile[]) => void;
  /** Reused across gradings in watch mode, so unchanged files are not parsed again. */
  checker?: StaticChecker;
  /** How long a test file may take to load before it counts as hung (default LOAD_TIMEOUT_MS). */
  loadTimeoutMs?: number;
  /** The lab proofs only: the labs' files share one worker process (RunRequest.shareWorker). */
  shareWorker?: boolean;
}

const EXIT_CALLED = /process\.exit unexpectedly called/;

/** One diagnosis for a lab whose code calls process.exit, wherever in the run that happened. */
function exitDiagnosis(lab: Lab, result: FileResult | undefined, root: string): string | undefined {
  const errors = [
    ...(result?.problem?.kind === 'load-error' ? [result.problem.error] : []),
    ...[...(result?.results.values() ?? [])].flatMap((r) => (r.error ? [r.error] : [])),
  ];
  const exit = errors.find((error) => EXIT_CALLED.test(error.message));
  if (!exit) return undefined;
  const where = locate(exit, lab.studentFile, root) ?? relative(root, lab.studentFile).split('\\').join('/');
  return `${where} calls process.exit(), which would stop the grader along with your code. Return a value or throw an error instead, then grade again.`;
}

/** Why a lab's run cannot be trusted, if it cannot: the first refused import, or changed built-ins. */
export function invalidReason(result: FileResult | undefined): string | undefined {
  const refused = result?.refused?.[0];
  if (refused) return refusalMessage(refused.source, refused.reason);
  if (result?.tampered) return result.tampered;
  return undefined;
}

/** Scores one lab from the results of its test file. */
export function scoreLab(lab: Lab, result: FileResult | undefined, root: string, diagnosis?: string, warnings: string[] = []): GradedLab {
  const invalid = invalidReason(result);
  const fileDiagnosis = invalid
    ? `${invalid}. This lab's result is not valid, so it scores 0: remove that code and grade again.`
    : (diagnosis ?? (result?.problem ? describeFileProblem(result.problem, lab.studentFile, root) : undefined));
  const unhandled = new Map<string, string>();
  const loose: string[] = [];
  for (const { test, kind, error } of result?.unhandled ?? []) {
    const sentence = describeUnhandled(error, lab.studentFile, root, kind);
    // Vitest names the test only when the error came while it ran; otherwise the test file's line in
    // the error's stack says which test started the code that failed.
    const line = new RegExp(`${lab.testFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(error.stack ?? '')?.[1];
    const name = test
      ? lab.tests.find((t) => t.name === test || t.name.endsWith(` > ${test}`))?.name
      : line
        ? testAtLine(lab.testFile, Number(line))
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
        : `no test of this name was found in ${testFileName(lab.id)} (was the test file changed?)`;
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
        : describeTestError(outcome.error, lab.studentFile, root);
    return { ...base, status: outcome.status, points: 0, message, ...logs };
  });
  return {
    id: lab.id,
    title: lab.title,
    lesson: lab.lesson,
    score: tests.reduce((sum, test) => sum + test.points, 0),
    max: maxPoints(lab),
    tests,
    ...(fileDiagnosis ? { diagnosis: fileDiagnosis } : {}),
    ungraded: (result?.collected ?? []).filter((name) => !lab.tests.some((test) => test.name === name)),
    valid: !invalid,
    ...(invalid ? { invalid } : {}),
    warnings: [...warnings, ...(result?.notes ?? []), ...loose],
  };
}

/** The diagnosis of a lab whose student file is gone. */
export function missingStudentFile(id: string): string {
  return `${id}/${studentFileName(id)} is missing. Restore the starter with: ${restoreStarterCommand(id)}`;
}

/** Grades the given labs in one run of their tests. */
export async function gradeLabs(labs: Lab[], options: GradeOptions): Promise<GradedLab[]> {
  const missing = new Map<string, string>();
  for (const lab of labs) {
    if ((options.target ?? 'student') === 'student' && !existsSync(lab.studentFile)) {
      missing.set(lab.id, missingStudentFile(lab.id));
    }
  }
  const runnable = labs.filter((lab) => !missing.has(lab.id));
  // The tests start first, in their own process; the static checks run here meanwhile.
  const running = runnable.length
    ? runTests({
        root: options.root,
        labsDir: options.labsDir,
        files: runnable.map((lab) => ({ file: lab.testFile, timeoutMs: lab.timeoutMs, tests: lab.tests.length })),
        loadTimeoutMs: options.loadTimeoutMs ?? LOAD_TIMEOUT_MS,
        ...(options.target ? { target: options.target } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        ...(options.onOverrun ? { onOverrun: options.onOverrun } : {}),
        ...(options.onRound ? { onRound: options.onRound } : {}),
        ...(options.shareWorker ? { shareWorker: true } : {}),
      })
    : Promise.resolve({ files: [], loaded: [] });
  const student = (options.target ?? 'student') === 'student';
  const statics = student ? (options.checker ?? new StaticChecker(options.root)).check(runnable) : new Map<string, StaticDiagnosis[]>();
  const outcome = await running;
  options.onLoaded?.(outcome.loaded);
  const byFile = new Map(outcome.files.map((result) => [result.file, result]));
  return labs.map((lab) =>
    student
      ? gradeStudentLab(lab, byFile.get(lab.testFile), options.root, missing.get(lab.id), statics.get(lab.id))
      : scoreLab(lab, byFile.get(lab.testFile), options.root),
  );
}

/**
 * Scores a student's lab, with the diagnosis that explains it best: a problem found before the run
 * (missing file, syntax, exports), then a call to process.exit, then the run's own file problem. Type
 * errors do not stop a lab being graded: they are warnings beside the tests' verdicts (docs/grader.md).
 */
export function gradeStudentLab(lab: Lab, result: FileResult | undefined, root: string, missing?: string, statics: StaticDiagnosis[] = []): GradedLab {
  const blocking = statics.find((d) => d.kind !== 'types');
  const warnings = statics.filter((d) => d.kind === 'types').map((d) => d.message);
  return scoreLab(lab, result, root, missing ?? blocking?.message ?? exitDiagnosis(lab, result, root), warnings);
}
