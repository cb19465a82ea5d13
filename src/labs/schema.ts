/**
 * The schema of lab metadata: labs/labs.json (the course's labs, in order) and labs/<id>/lab.json
 * (one lab's title, lesson, time budget, and the points and hints of each graded test).
 * Both the grader and the site validate with it, so a malformed lab fails loudly in either place.
 */
import { z } from 'zod';
import { DEFAULT_TEST_TIMEOUT_MS } from '../grader/limits';

/** A lab id: lower-case words joined by hyphens; also the name of its folder and its student file. */
export const labIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lab id is lower-case words joined by hyphens, like "littles-law"');

/** Three steps of help for one test, from a nudge to a pointer. */
export const hintsSchema = z
  .object({
    /** A question that points the student at what the test checks. */
    question: z.string().min(1).describe('Step 1: a question that points the student at what the test checks.'),
    /** The idea that makes the test pass, without the code. */
    idea: z.string().min(1).describe('Step 2: the idea that makes the test pass, without the code.'),
    /** The anchor (without #) of the lesson section that explains it. */
    section: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'section is a heading anchor such as "the-fewest-stable-servers"')
      .describe('Step 3: the anchor (without #) of the lesson section that explains it, e.g. "the-fewest-stable-servers".'),
  })
  .strict()
  .describe('Three steps of help, from a nudge to a pointer.');

/** One graded test. */
export const gradedTestSchema = z
  .object({
    /** The test's full name as Vitest reports it: describe names and the test name joined by " > ". */
    name: z.string().min(1).describe('The full name as Vitest reports it: describe names and the test name joined by " > ". `npm run sync:lab -- <id>` keeps these in step with the test file.'),
    /** Points for passing it: a positive integer. */
    points: z.number().int().positive().describe('Points for passing the test: a positive integer.'),
    hints: hintsSchema,
  })
  .strict()
  .describe('One graded test.');

/** labs/<id>/lab.json */
export const labMetaSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors: "../lab.schema.json".'),
    id: labIdSchema.describe('The lab id: also the name of its folder and of the student file <id>.ts.'),
    title: z.string().min(1).describe('The title the lesson and the grader show.'),
    /** The lesson that embeds the lab: its path under content/, without extension, e.g. "module-16/littles-law". */
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/)
      .describe('The lesson that embeds the lab: its path under content/, without extension, e.g. "module-16/littles-law".'),
    /** How long one test may run before the grader stops it and records a timeout. */
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(30_000)
      .default(DEFAULT_TEST_TIMEOUT_MS)
      .describe(`How long one test may run, in ms, before the grader stops it and records a timeout (default ${DEFAULT_TEST_TIMEOUT_MS}).`),
    tests: z.array(gradedTestSchema).min(1).describe('The graded tests, in the order of the test file.'),
  })
  .strict()
  .superRefine((lab, ctx) => {
    const seen = new Set<string>();
    lab.tests.forEach((test, index) => {
      if (seen.has(test.name)) {
        ctx.addIssue({ code: 'custom', path: ['tests', index, 'name'], message: `duplicate test name "${test.name}"` });
      }
      seen.add(test.name);
    });
  });

/** labs/labs.json */
export const courseLabsSchema = z
  .object({
    $comment: z.string().optional(),
    labs: z.array(labIdSchema).min(1),
  })
  .strict()
  .superRefine((course, ctx) => {
    const seen = new Set<string>();
    course.labs.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['labs', index], message: `lab "${id}" is listed twice` });
      seen.add(id);
    });
  });

export type LabMeta = z.infer<typeof labMetaSchema>;
export type GradedTest = z.infer<typeof gradedTestSchema>;
export type Hints = z.infer<typeof hintsSchema>;

/** Total points a lab is worth. */
export function maxPoints(lab: LabMeta): number {
  return lab.tests.reduce((sum, test) => sum + test.points, 0);
}

/** Formats zod issues as one line each, prefixed with where they are. */
export function describeIssues(where: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${where}${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`)
    .join('\n');
}
