/**
 * Scores labs: maps the test results from run-tests.ts onto each lab's metadata (points, hints).
 * Pure apart from the run itself, so the scoring rules are unit-tested without Vitest.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Lab } from '../labs/catalog';
import { restoreStarterCommand, studentFileName, testFileName } from '../labs/layout';
import { maxPoints, type Hints } from '../labs/schema';
import { describeFileProblem, describeTestError, locate } from './diagnose';
import { LOAD_TIMEOUT_MS } from './limits';
import { runTests, type FileResult, type TestStatus } from './run-tests';
import { StaticChecker, type StaticDiagnosis } from './static-checks';

export interface GradedTest {
  name: string;
  status: TestStatus;
  points: number;
  max: number;
  /** Why it did not pass, in words. */
  message?: string;
  hints: Hints;
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
}

export interface GradeOptions {
  root: string;
  labsDir: string;
  /** Whose implementation to grade: the student's (default), the reference, or a known mistake. */
  target?: string;
  onEvent?: Parameters<typeof runTests>[0]['onEvent'];
  /** Reused across gradings in watch mode, so unchanged files are not parsed again. */
  checker?: StaticChecker;
  /** How long a test file may take to load before it counts as hung (default LOAD_TIMEOUT_MS). */
  loadTimeoutMs?: number;
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

/** Scores one lab from the results of its test file. */
export function scoreLab(lab: Lab, result: FileResult | undefined, root: string, diagnosis?: string): GradedLab {
  const fileDiagnosis = diagnosis ?? (result?.problem ? describeFileProblem(result.problem, lab.studentFile, root) : undefined);
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
    if (outcome.status === 'passed') return { ...base, status: 'passed', points: meta.points };
    const message =
      outcome.status === 'timeout'
        ? `did not finish within ${lab.timeoutMs / 1000} s, so it was stopped: look for a loop that never ends, or a promise that never settles`
        : describeTestError(outcome.error, lab.studentFile, root);
    return { ...base, status: outcome.status, points: 0, message };
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
        files: runnable.map((lab) => ({ file: lab.testFile, timeoutMs: lab.timeoutMs })),
        loadTimeoutMs: options.loadTimeoutMs ?? LOAD_TIMEOUT_MS,
        ...(options.target ? { target: options.target } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      })
    : Promise.resolve([]);
  const student = (options.target ?? 'student') === 'student';
  const statics = student ? (options.checker ?? new StaticChecker(options.root)).check(runnable) : new Map<string, StaticDiagnosis>();
  const results = await running;
  const byFile = new Map(results.map((result) => [result.file, result]));
  return labs.map((lab) =>
    student
      ? gradeStudentLab(lab, byFile.get(lab.testFile), options.root, missing.get(lab.id) ?? statics.get(lab.id)?.message)
      : scoreLab(lab, byFile.get(lab.testFile), options.root),
  );
}

/**
 * Scores a student's lab, with the diagnosis that explains it best: a problem found before the run
 * (missing file, syntax, exports, types), then a call to process.exit, then the run's own file problem.
 */
export function gradeStudentLab(lab: Lab, result: FileResult | undefined, root: string, before?: string): GradedLab {
  return scoreLab(lab, result, root, before ?? exitDiagnosis(lab, result, root));
}
