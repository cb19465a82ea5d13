/**
 * What a student's `npm run grade -- --submit` sends to the classroom dashboard, and what it answers:
 * the one contract between src/grader/submit.ts (shipped in the student edition) and the server
 * (src/dashboard/server.ts, on the instructor's machine). A submission carries grade reports only —
 * the report the grader already prints with --json — never a student's code.
 */
import { z } from 'zod';
import { reportSchema } from '../grader/report';

/** Where submissions are posted. */
export const SUBMIT_PATH = '/api/submissions';

/** The largest request body the server reads, in bytes; the client packs its queued reports below it. */
export const MAX_BODY_BYTES = 1_048_576;

/** The most reports one request may carry (a student's queued reports, oldest first). */
export const MAX_REPORTS_PER_SUBMISSION = 10;

/** The longest name a student may use, in characters (after trimming). */
export const NAME_MAX_LENGTH = 60;

// Control characters, and the bidirectional overrides that can make a name display as another.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A student's name as the room sees it: NFC, trimmed, inner runs of white space made one space. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The key two names collide on: the same letters, whatever their case. */
export function nameKey(name: string): string {
  return normalizeName(name).toLocaleLowerCase('en');
}

export const studentNameSchema = z
  .string()
  .transform(normalizeName)
  .pipe(
    z
      .string()
      .min(1, 'your name is empty: pass --name "Your Name"')
      .max(NAME_MAX_LENGTH, `your name is longer than ${NAME_MAX_LENGTH} characters`)
      .refine((name) => !UNPRINTABLE.test(name), 'your name has control characters in it'),
  );

/**
 * A laptop's key: 32 random bytes in hex, made by the student's grader the first time it submits and
 * kept on that laptop. The server keeps only its SHA-256, and a name belongs to the first key that
 * used it, so nobody else in the room can overwrite that student's results.
 */
export const studentKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'the laptop key must be 64 hexadecimal digits');

export const queuedReportSchema = z
  .object({
    /** Chosen by the student's grader when the report is made; sending it again stores nothing new. */
    id: z.uuid(),
    report: reportSchema,
  })
  .strict();

export type QueuedReport = z.infer<typeof queuedReportSchema>;

export const submissionSchema = z
  .object({
    code: z.string().min(1).max(64),
    name: studentNameSchema,
    key: studentKeySchema,
    reports: z.array(queuedReportSchema).min(1).max(MAX_REPORTS_PER_SUBMISSION),
  })
  .strict();

export type Submission = z.infer<typeof submissionSchema>;

/** The answer to a stored submission (HTTP 200): every report in it is on the server's disk. */
export const acceptedSchema = z
  .object({
    student: z.string(),
    /** Reports stored by this request. */
    stored: z.number().int().nonnegative(),
    /** Reports the server already had (sent again after a lost answer). */
    duplicates: z.number().int().nonnegative(),
  })
  .strict();

export type Accepted = z.infer<typeof acceptedSchema>;

/** Any refusal (4xx): one sentence saying what was wrong and what to do. */
export const refusalSchema = z.object({ error: z.string() }).loose();
