/**
 * The grader's JSON report (`npm run grade -- --json`): its schema (documented in docs/grader.md) and
 * the function that builds it from graded labs. `version` is the version of this schema; it changes
 * only when a field changes meaning or goes away.
 */
import { z } from 'zod';
import type { GradedLab } from './grade';
import type { IntegrityVerdict } from './integrity';

export const REPORT_VERSION = 2;

export const testStatusSchema = z.enum(['passed', 'failed', 'timeout', 'error']);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const reportSchema = z
  .object({
    /** The version of this report's schema. */
    version: z.literal(REPORT_VERSION),
    /** The course release that graded: package name and version, from package.json. */
    course: z.object({ name: z.string(), version: z.string() }).strict(),
    /** When grading finished (ISO 8601, UTC). A timing field: it differs between runs. */
    gradedAt: z.string().datetime(),
    /** How long grading took, in milliseconds. A timing field: it differs between runs. */
    durationMs: z.number().int().nonnegative(),
    /** Whether the grading files match the course's manifest; if not, the score is not valid. */
    integrity: z
      .object({
        verdict: z.enum(['intact', 'modified', 'unverified']),
        changed: z.array(z.string()),
        manifestSha256: sha256.optional(),
      })
      .strict(),
    /**
     * Whether the score can be trusted: the grading files are intact (or unverified) and no lab's code
     * tried a shortcut (a refused import, changed built-ins). When false, `invalid` says why.
     */
    valid: z.boolean(),
    /** Why the score is not valid, one sentence per reason (empty when valid). */
    invalid: z.array(z.string()),
    /** Points earned across the graded labs. */
    score: z.number().int().nonnegative(),
    /** Points possible across the graded labs. */
    max: z.number().int().nonnegative(),
    labs: z.array(
      z
        .object({
          id: z.string(),
          score: z.number().int().nonnegative(),
          max: z.number().int().nonnegative(),
          /** The student's file that was graded, and its SHA-256 (null if it was missing). */
          studentFile: z.object({ path: z.string(), sha256: sha256.nullable() }).strict(),
          /** Why the lab could not be graded at all, when it could not. */
          diagnosis: z.string().optional(),
          /** False when the lab's code tried a shortcut; it then scores 0 and `invalid` says why. */
          valid: z.boolean(),
          invalid: z.string().optional(),
          /** Things to fix that do not change the score (type errors, a stale .js beside the lab file). */
          warnings: z.array(z.string()).optional(),
          tests: z.array(
            z
              .object({
                name: z.string(),
                status: testStatusSchema,
                points: z.number().int().nonnegative(),
                max: z.number().int().positive(),
                /** Why it did not pass, in words; absent when it passed. */
                message: z.string().optional(),
                /** The first lines the test printed (console.log), when it did not pass. */
                logs: z.array(z.string()).optional(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;

export interface ReportContext {
  course: { name: string; version: string };
  integrity: IntegrityVerdict;
  /** Path (from the project root) and SHA-256 of each lab's student file, by lab id. */
  studentFiles: Map<string, { path: string; sha256: string | null }>;
  startedAt: number;
  finishedAt: number;
}

/** Whether a grading can be trusted, and why not. */
export function validity(labs: GradedLab[], integrity: IntegrityVerdict): { valid: boolean; invalid: string[] } {
  const invalid = [
    ...(integrity.verdict === 'modified' ? [`the grading files were changed: ${integrity.changed.join(', ')}`] : []),
    ...labs.filter((lab) => !lab.valid).map((lab) => `${lab.id}: ${lab.invalid ?? 'not valid'}`),
  ];
  return { valid: invalid.length === 0, invalid };
}

export function buildReport(labs: GradedLab[], context: ReportContext): Report {
  return reportSchema.parse({
    version: REPORT_VERSION,
    course: context.course,
    gradedAt: new Date(context.finishedAt).toISOString(),
    durationMs: Math.max(0, Math.round(context.finishedAt - context.startedAt)),
    integrity: {
      verdict: context.integrity.verdict,
      changed: context.integrity.changed,
      ...(context.integrity.manifestSha256 ? { manifestSha256: context.integrity.manifestSha256 } : {}),
    },
    ...validity(labs, context.integrity),
    score: labs.reduce((sum, lab) => sum + lab.score, 0),
    max: labs.reduce((sum, lab) => sum + lab.max, 0),
    labs: labs.map((lab) => ({
      id: lab.id,
      score: lab.score,
      max: lab.max,
      studentFile: context.studentFiles.get(lab.id)!,
      ...(lab.diagnosis ? { diagnosis: lab.diagnosis } : {}),
      valid: lab.valid,
      ...(lab.invalid ? { invalid: lab.invalid } : {}),
      ...(lab.warnings.length ? { warnings: lab.warnings } : {}),
      tests: lab.tests.map((test) => ({
        name: test.name,
        status: test.status,
        points: test.points,
        max: test.max,
        ...(test.message ? { message: test.message } : {}),
        ...(test.logs?.length ? { logs: test.logs } : {}),
      })),
    })),
  });
}
