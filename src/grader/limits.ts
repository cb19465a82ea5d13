/**
 * The grader's limits, in one place: the run-tests watchdog, watch mode, the lab schema's default
 * budget and the labs' Vitest project all read them from here.
 */

/** A test's time budget when its lab.json sets no `timeoutMs`. */
export const DEFAULT_TEST_TIMEOUT_MS = 2000;
/** Extra time a test gets beyond its budget before the watchdog kills the test process. */
export const GRACE_MS = 1000;
/** How long a test file may take to load (import the student's file) before it counts as hung. */
export const LOAD_TIMEOUT_MS = 5000;
/** How often the watchdog reads the progress events. */
export const POLL_MS = 15;
/** The heap of a worker that runs lab code, in MB: beyond it the worker stops with "out of memory". */
export const WORKER_MEMORY_MB = 512;
/** Lowers the workers' heap (never raises it): the grader's own tests, whose memory blow-up fixture must fill it. */
export const WORKER_MEMORY_ENV = 'QC_WORKER_MEMORY_MB';

/**
 * The workers' heap for this grading: WORKER_MEMORY_MB, or less when QC_WORKER_MEMORY_MB asks for less.
 * Filling 512 MB is about 2.5 s of page faults alone on the 2-core machine and more than 30 s beside
 * the rest of npm test on Node 24, where the fixture that checks the "out of memory" diagnosis then
 * timed out first; its tests ask for 128 MB. A larger value, or one that is not a whole number from 64
 * up, is ignored: the limit protects the student's machine.
 */
export function workerMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env[WORKER_MEMORY_ENV]);
  return Number.isInteger(asked) && asked >= 64 && asked < WORKER_MEMORY_MB ? asked : WORKER_MEMORY_MB;
}
/** Time for Vitest to start and finish around the tests, per round, in the overall deadline. */
export const ROUND_OVERHEAD_MS = 15_000;
/** The longest a whole grading may take, whatever happens (see run-tests.ts, overallDeadline). */
export const MAX_GRADING_MS = 10 * 60_000;
