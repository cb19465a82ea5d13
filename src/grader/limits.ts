/**
 * The grader's time limits, in one place: the run-tests watchdog, watch mode, the lab schema's default
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
