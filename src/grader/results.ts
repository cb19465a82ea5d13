/**
 * The grader's results channel: what the process that owns Vitest saw, one JSON object per line, in the
 * file named by QC_GRADER_RESULTS. Only that process writes it — the reporter (reporter.ts) records each
 * test's verdict as Vitest hands it over, and the labs project's Vite plugin (lab-guard.ts) records every
 * module it served and every import it refused. The workers that run lab code cannot write it: they
 * run under Node's permission model with no file-system write access except the progress file
 * (events.ts), whose events only tell the watchdog what is running and never decide a score.
 */
import { appendFileSync } from 'node:fs';
import type { SerializedError } from './events';

export const RESULTS_ENV = 'QC_GRADER_RESULTS';

export type ResultRecord =
  /** Vitest collected a test file: its tests' full names ("describe > test"), in order. */
  | { type: 'collected'; file: string; tests: string[] }
  /** One test's verdict, as Vitest's main process received it. */
  | { type: 'verdict'; file: string; name: string; state: 'passed' | 'failed' | 'skipped'; error?: SerializedError; durationMs?: number; logs?: string[] }
  /** A test file finished (or could not be loaded: `errors`). */
  | { type: 'module-end'; file: string; errors: SerializedError[]; tests: number }
  /** Errors Vitest caught outside any test's verdict (unhandled rejections, errors after a test). */
  | { type: 'unhandled'; file?: string; test?: string; kind?: string; error: SerializedError }
  /** The run ended (every module reported). */
  | { type: 'run-end' }
  /** The labs project served a module to a worker; its source's SHA-256 (line endings normalised). */
  | { type: 'loaded'; file: string; sha256: string; student: boolean }
  /** An import from lab code that the guard refused. */
  | { type: 'refused'; lab: string; importer: string; source: string; reason: string }
  /** Something worth telling the student that is not a test result (a stale .js beside the lab file). */
  | { type: 'note'; lab: string; message: string };

/** Appends records to the results file, if there is one (not when a student runs Vitest directly). */
export function recordResult(record: ResultRecord, file = process.env[RESULTS_ENV]): void {
  if (file) appendFileSync(file, `${JSON.stringify(record)}\n`);
}

/** Parses whole lines of a results file; a torn line is skipped. */
export function parseResults(text: string): ResultRecord[] {
  const out: ResultRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as ResultRecord);
    } catch {
      // A torn line cannot be trusted.
    }
  }
  return out;
}

export { describeThrown, serializeError } from './scoring';
