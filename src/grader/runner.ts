/**
 * The labs' Vitest test runner, in the worker process that also runs lab code. It does four things
 * before or around Vitest's own runner, and decides no score (the reporter in Vitest's main process
 * records verdicts; see reporter.ts):
 *
 *   1. When the worker starts, before any test or lab file loads, it installs the sandbox that lab code
 *      sees (sandbox.ts) and records the built-ins the assertions depend on.
 *   2. It appends a progress event before and after each step to the file named by QC_GRADER_EVENTS,
 *      synchronously, so the grader's watchdog knows which test was running if lab code hangs the worker
 *      (the only file this worker may write; see isolation.ts). While a file loads it also writes a
 *      heartbeat, so a load that never ends can be told apart: a loop stops the heartbeat, an await that
 *      never settles does not.
 *   3. It fails a test, with a QcIntegrityError the grader reports as "not valid", when lab code changed
 *      a watched built-in, or when a test whose body threw ends up marked as passed (something other
 *      than the test overruled the verdict).
 *   4. It describes a thrown value that is not an Error ("threw the number 42"), and skips the tests
 *      the grader has already scored when it reruns a file after a timeout (QC_GRADER_SKIP).
 *   5. It seeds Math.random and restarts it before each test file loads (seeded-random.ts), so code
 *      that calls it gets the same score on every run.
 *
 * With none of the variables set (a student running `npx vitest`), it grades nothing and changes no
 * result of honest code.
 */
import { appendFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { getFn } from '@vitest/runner';
import { parseErrorStacktrace } from '@vitest/utils/source-map';
import { TestRunner, type RunnerTask as Task, type RunnerTestCase as Test, type RunnerTestFile as File, type RunnerTestSuite as Suite } from 'vitest';
import { EVENTS_ENV, SKIP_ENV, type GraderEvent } from './events';
import { describeThrown } from './results';
import { changedIntrinsics, installSandbox, makeImportCheck, snapshotIntrinsics } from './sandbox';
import { installSeededRandom } from './seeded-random';

installSandbox(makeImportCheck(resolve, sep));
// Math.random starts from the same seed in every test file, so code that calls it gets the same score
// on every run (seeded-random.ts); installed before the snapshot, so it is the built-in that is watched.
const restartRandom = installSeededRandom();
const intrinsics = snapshotIntrinsics();

const eventsFile = process.env[EVENTS_ENV];
const skipByFile = JSON.parse(process.env[SKIP_ENV] || '{}') as Record<string, string[]>;
const HEARTBEAT_MS = 250;
const { now } = Date;
const setTimer = setInterval;
const clearTimer = clearInterval;

function emit(event: GraderEvent): void {
  if (eventsFile) appendFileSync(eventsFile, `${JSON.stringify(event)}\n`);
}

/** The test's full name as the grader keys it: its describe names and its own name, joined by " > ". */
export function fullName(task: Task): string {
  const names: string[] = [];
  for (let t: Task | undefined = task; t && t !== task.file; t = t.suite) names.unshift(t.name);
  return names.join(' > ');
}

function tests(suite: Suite): Test[] {
  return suite.tasks.flatMap((task) => (task.type === 'test' ? [task] : task.type === 'suite' ? tests(task) : []));
}

/** Thrown into a test when the grading could not be trusted; the grader reports the lab as not valid. */
export class QcIntegrityError extends Error {
  override name = 'QcIntegrityError';
}

/** Thrown in place of a value that is not an Error, so the report can say what it was. */
export class NonErrorThrown extends Error {
  override name = 'NonErrorThrown';
}

/**
 * Under the grader, a failed test's stack frames are parsed here, in the worker. Vitest's main process
 * parses every error's stack to show it, and for each frame reads the frame's file from disk to look
 * for a source map comment (the test file and the lab file, and Vitest's own runner chunks: for every
 * frame of every failed test, 3.5 of the 8 CPU-seconds its main process spent grading the course's
 * starters). It skips an error whose frames are parsed already. The frames parsed here are the same
 * minus that file search (the worker's positions are already mapped to the source), and nothing the
 * grader scores or shows reads them: it reads the error's own stack text (reporter.ts).
 */
function parseStacksHere(errors: unknown[] | undefined): void {
  if (!eventsFile || !errors) return;
  try {
    for (const error of errors) if (error && typeof error === 'object') parseErrorStacktrace(error as Parameters<typeof parseErrorStacktrace>[0]);
  } catch {
    // Built-ins changed by lab code: the integrity check has failed this test already.
  }
}

function builtinsMessage(changed: string[]): string {
  const shown = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `lab code changed JavaScript's built-ins (${shown}), which the tests rely on to check results`;
}

export default class GraderRunner extends TestRunner {
  /** Whether the current test's body returned (reached onAfterTryTask) on its last try. */
  readonly #bodyReturned = new WeakMap<Test, boolean>();
  #heartbeat: ReturnType<typeof setInterval> | undefined;

  /** Imports a test file (and with it the lab), describing a value thrown at load that is not an Error. */
  override async importFile(filepath: string, source: 'collect' | 'setup'): Promise<unknown> {
    try {
      return await super.importFile(filepath, source);
    } catch (error) {
      if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) throw error;
      throw new NonErrorThrown(`threw ${describeThrown(error)}, not an Error,`);
    }
  }

  override onCollectStart(file: File): void {
    restartRandom();
    emit({ type: 'collect-start', file: file.filepath, at: now() });
    if (eventsFile) {
      this.#heartbeat = setTimer(() => emit({ type: 'alive', file: file.filepath, at: now() }), HEARTBEAT_MS);
      this.#heartbeat.unref?.();
    }
    super.onCollectStart(file);
  }

  onCollected(files: File[]): void {
    if (this.#heartbeat) clearTimer(this.#heartbeat);
    this.#heartbeat = undefined;
    for (const file of files) {
      emit({ type: 'collected', file: file.filepath, at: now(), tests: tests(file).map(fullName) });
    }
  }

  override async onBeforeRunTask(test: Task): Promise<void> {
    if (test.type === 'test') {
      const skip = skipByFile[test.file.filepath];
      if (skip?.includes(fullName(test))) test.mode = 'skip';
      else if (test.mode === 'run' || test.mode === 'queued') {
        emit({ type: 'test-start', file: test.file.filepath, at: now(), name: fullName(test) });
      }
    }
    await super.onBeforeRunTask(test);
  }

  override onBeforeTryTask(test: Test): void {
    this.#bodyReturned.set(test, false);
    super.onBeforeTryTask(test);
    // Changed when the lab's files were loaded, or by an earlier test: this test's verdict cannot be trusted.
    const changed = changedIntrinsics(intrinsics);
    if (changed.length) throw new QcIntegrityError(`${builtinsMessage(changed)}, before this test ran`);
  }

  /** Runs the test's body, describing anything thrown that is not an Error. */
  async runTask(test: Test): Promise<void> {
    const fn = getFn(test);
    try {
      await fn();
    } catch (error) {
      if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) throw error;
      throw new NonErrorThrown(`threw ${describeThrown(error)}, not an Error`);
    }
  }

  override onAfterTryTask(test: Test): void {
    super.onAfterTryTask(test);
    this.#bodyReturned.set(test, true);
  }

  override onAfterRunTask(test: Task): void {
    super.onAfterRunTask(test);
    if (test.type !== 'test' || !test.result) return;
    const changed = changedIntrinsics(intrinsics);
    const overruled = test.result.state === 'pass' && this.#bodyReturned.get(test) === false;
    const flagged = test.result.errors?.[0]?.name === 'QcIntegrityError';
    if ((changed.length || overruled) && !flagged) {
      const error = new QcIntegrityError(
        changed.length ? builtinsMessage(changed) : 'the test threw, yet it was marked as passed: something other than the test changed its result',
      );
      test.result.state = 'fail';
      test.result.errors = [{ name: error.name, message: error.message, stack: error.stack ?? '' }];
    }
    parseStacksHere(test.result.errors);
    const state = test.result.state;
    if (state === 'pass' || state === 'fail') {
      emit({ type: 'test-end', file: test.file.filepath, at: now(), name: fullName(test) });
    }
  }

  override async onAfterRunSuite(suite: Suite): Promise<void> {
    await super.onAfterRunSuite(suite);
    if (suite === suite.file) emit({ type: 'file-end', file: suite.file.filepath, at: now() });
  }
}
