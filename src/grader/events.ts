/**
 * The grader's progress events. The test runner (runner.ts) appends them, one JSON object per line, to
 * the file named by QC_GRADER_EVENTS, synchronously, before and after each step, so that the grader
 * still knows what was running when student code hangs a worker and Vitest itself reports nothing.
 *
 * They are written from inside the worker that runs lab code, so they are only ever used to time and
 * place a hang: no event decides a verdict. Verdicts come from Vitest's main process (results.ts).
 */
export const EVENTS_ENV = 'QC_GRADER_EVENTS';
/** JSON listing, per test file, the full names of tests to skip (done or timed out earlier). */
export const SKIP_ENV = 'QC_GRADER_SKIP';

/** An error as the runner saw it: enough to explain it without a wall of stack frames. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** For assertion errors, what the test wanted and what it got, as Vitest printed them. */
  expected?: string;
  actual?: string;
}

export type GraderEvent =
  /** A test file is about to be imported (and with it the student's file). */
  | { type: 'collect-start'; file: string; at: number }
  /** While a test file is being imported: the worker's event loop still turns. */
  | { type: 'alive'; file: string; at: number }
  /** A test file finished importing (or failed to): its tests. */
  | { type: 'collected'; file: string; at: number; tests: string[] }
  /** A test is about to run. */
  | { type: 'test-start'; file: string; at: number; name: string }
  /** A test finished (its verdict is the reporter's to record). */
  | { type: 'test-end'; file: string; at: number; name: string }
  /** Every test of the file has finished (or been skipped). */
  | { type: 'file-end'; file: string; at: number };

/** Parses whole lines of an events file; a line that is not JSON (a torn write) is ignored. */
export function parseEvents(text: string): { events: GraderEvent[] } {
  const events: GraderEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as GraderEvent);
    } catch {
      // A torn line cannot be trusted; the watchdog still sees the events around it.
    }
  }
  return { events };
}
