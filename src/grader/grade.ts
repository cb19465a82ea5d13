/**
 * Scores labs: maps the test results from run-tests.ts onto each lab's metadata (points, hints).
 * Pure apart from the run itself, so the scoring rules are unit-tested without Vitest.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Lab } from '../labs/catalog';
import { restoreStarterCommand, studentFileName, testFileName } from '../labs/layout';
import { locate, locator, shownFile } from './diagnose';
import { testAtLine } from './hangs';
import { LOAD_TIMEOUT_MS } from './limits';
import { runTests, type FileResult, type LoadedFile, type RunRequest } from './run-tests';
import { scoreOutcome, type GradedLab } from './scoring';
import { StaticChecker, type StaticDiagnosis } from './static-checks';

export type { GradedLab, GradedTest } from './scoring';

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

export { invalidReason } from './scoring';

/** Scores one lab from the results of its test file (the rules are scoring.ts's, shared with the page). */
export function scoreLab(lab: Lab, result: FileResult | undefined, root: string, diagnosis?: string, warnings: string[] = []): GradedLab {
  return scoreOutcome(lab, result, {
    testFileName: testFileName(lab.id),
    locate: locator(lab.studentFile, root),
    testFilePath: lab.testFile,
    testAtLine: (line) => testAtLine(lab.testFile, line),
    studentFile: shownFile(lab.studentFile, root),
    ...(diagnosis !== undefined ? { diagnosis } : {}),
    warnings,
  });
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
