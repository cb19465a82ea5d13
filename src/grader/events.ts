/**
 * The grader's progress events. The test runner (runner.ts) appends them, one JSON object per line, to
 * the file named by QC_GRADER_EVENTS, synchronously, before and after each step, so that the grader
 * still knows what was running when student code hangs a worker and Vitest itself reports nothing.
 */
export const EVENTS_ENV = 'QC_GRADER_EVENTS';
/** A JSON file listing, per test file, the full names of tests to skip (done or timed out earlier). */
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
  /** A test file finished importing: its tests, or the error that stopped the import. */
  | { type: 'collected'; file: string; at: number; tests: string[]; error?: SerializedError }
  /** A test is about to run. */
  | { type: 'test-start'; file: string; at: number; name: string }
  /** A test finished. */
  | { type: 'test-end'; file: string; at: number; name: string; state: 'pass' | 'fail'; error?: SerializedError }
  /** Every test of the file has finished (or been skipped). */
  | { type: 'file-end'; file: string; at: number; error?: SerializedError };

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
