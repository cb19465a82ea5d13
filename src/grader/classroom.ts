/**
 * GitHub Classroom: `npm run grade -- --classroom` writes, for each lab, the result payload that
 * GitHub Classroom's autograding reporter (classroom-resources/autograding-grading-reporter) reads —
 * base64 JSON `{ version: 1, status, max_score, tests: [{ name, status, score, message }] }` — as a step
 * output named after the lab. The reporter adds up the tests' `score`s, so each lab earns exactly the
 * points the grader gives it. When the grading files were changed, every lab reports an error and 0;
 * a lab whose code tried a shortcut (report.ts, `valid`) reports an error and 0 with the reason.
 * classroom/classroom.yml is the workflow (generated from labs/labs.json by `npm run build:classroom`,
 * src/dev/build-classroom.ts).
 */
import { appendFileSync } from 'node:fs';
import type { Report } from './report';

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: { name: string; status: 'pass' | 'fail' | 'error'; score: number; message?: string }[];
}

export function classroomResults(report: Report): Map<string, ClassroomResult> {
  const invalid = report.integrity.verdict === 'modified';
  return new Map(
    report.labs.map((lab): [string, ClassroomResult] => {
      const tests = !invalid && !lab.valid
        ? [{ name: 'validity', status: 'error' as const, score: 0, message: `${lab.invalid ?? 'not valid'}: this lab's result is not valid.` }]
        : invalid
        ? [{ name: 'integrity', status: 'error' as const, score: 0, message: `The grading files were changed (${report.integrity.changed.join(', ')}), so this score is not valid. Restore them and push again.` }]
        : lab.tests.map((test) => ({
            name: test.name,
            status: test.status === 'passed' ? ('pass' as const) : test.status === 'error' ? ('error' as const) : ('fail' as const),
            score: test.points,
            ...(test.message ? { message: test.message } : {}),
          }));
      const status = tests.every((t) => t.status === 'pass') ? 'pass' : tests.some((t) => t.status === 'error') ? 'error' : 'fail';
      return [lab.id, { version: 1, status, max_score: lab.max, tests }];
    }),
  );
}

/** Writes `<lab-id>=<base64 JSON>` lines to $GITHUB_OUTPUT (or returns them when it is not set). */
export function writeClassroomOutputs(report: Report, outputFile = process.env.GITHUB_OUTPUT): string {
  const lines = [...classroomResults(report)].map(([id, result]) => `${id}=${Buffer.from(JSON.stringify(result)).toString('base64')}`);
  const text = `${lines.join('\n')}\n`;
  if (outputFile) appendFileSync(outputFile, text);
  return text;
}
