/**
 * The grader's JSON report (`npm run grade -- --json`): its schema, documented in docs/grader.md, and
 * the function that builds it from graded labs.
 */
import { z } from 'zod';
import type { GradedLab } from './grade';

export const testStatusSchema = z.enum(['passed', 'failed', 'timeout', 'error']);

export const reportSchema = z
  .object({
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
          /** Why the lab could not be graded at all, when it could not. */
          diagnosis: z.string().optional(),
          tests: z.array(
            z
              .object({
                name: z.string(),
                status: testStatusSchema,
                points: z.number().int().nonnegative(),
                max: z.number().int().positive(),
                /** Why it did not pass, in words; absent when it passed. */
                message: z.string().optional(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;

export function buildReport(labs: GradedLab[]): Report {
  return reportSchema.parse({
    score: labs.reduce((sum, lab) => sum + lab.score, 0),
    max: labs.reduce((sum, lab) => sum + lab.max, 0),
    labs: labs.map((lab) => ({
      id: lab.id,
      score: lab.score,
      max: lab.max,
      ...(lab.diagnosis ? { diagnosis: lab.diagnosis } : {}),
      tests: lab.tests.map((test) => ({
        name: test.name,
        status: test.status,
        points: test.points,
        max: test.max,
        ...(test.message ? { message: test.message } : {}),
      })),
    })),
  });
}
