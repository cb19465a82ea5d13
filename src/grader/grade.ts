/**
 * Scores labs: maps the test results from run-tests.ts onto each lab's metadata (points, hints).
 * Pure apart from the run itself, so the scoring rules are unit-tested without Vitest.
 */
import { existsSync } from 'node:fs';
import type { Lab } from '../labs/catalog';
import { maxPoints, type Hints } from '../labs/schema';
import { describeFileProblem, describeTestError } from './diagnose';
import { runTests, type FileResult, type TestStatus } from './run-tests';

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
        : `no test of this name was found in ${lab.id}.test.ts (was the test file changed?)`;
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

/** Grades the given labs in one run of their tests. */
export async function gradeLabs(labs: Lab[], options: GradeOptions): Promise<GradedLab[]> {
  const missing = new Map<string, string>();
  for (const lab of labs) {
    if ((options.target ?? 'student') === 'student' && !existsSync(lab.studentFile)) {
      missing.set(lab.id, `${lab.id}/${lab.id}.ts is missing. Restore the starter with: git checkout -- labs/${lab.id}/${lab.id}.ts`);
    }
  }
  const runnable = labs.filter((lab) => !missing.has(lab.id));
  const results = runnable.length
    ? await runTests({
        root: options.root,
        labsDir: options.labsDir,
        files: runnable.map((lab) => ({ file: lab.testFile, timeoutMs: lab.timeoutMs })),
        ...(options.target ? { target: options.target } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      })
    : [];
  const byFile = new Map(results.map((result) => [result.file, result]));
  return labs.map((lab) => scoreLab(lab, byFile.get(lab.testFile), options.root, missing.get(lab.id)));
}
