/**
 * The grader's Vitest reporter. It runs in Vitest's main process — the process that owns Vitest and
 * never runs lab code — and records, as each arrives, what that process received: the tests a file
 * holds, each test's verdict with its error and the console output it printed, the errors Vitest caught
 * outside any verdict, and the end of each file. These records (results.ts) are the only thing the
 * grader scores from; the worker's own progress events (events.ts) only tell the watchdog what runs.
 *
 * run-tests.ts passes it with --reporter; nothing else is printed.
 */
import type { UserConsoleLog } from 'vitest';
import type { Reporter, SerializedError as VitestError, TestCase, TestModule, Vitest } from 'vitest/node';
import type { SerializedError } from './events';
import { recordResult, RESULTS_ENV, type ResultRecord } from './results';

/** How much console output is kept per test (the report shows it for the next test to fix). */
export const LOG_LINES_PER_TEST = 20;
const LOG_LINE_CHARS = 300;

function serialize(error: VitestError | undefined): SerializedError {
  if (!error) return { name: 'Error', message: 'unknown error' };
  const { name, message, stack, expected, actual } = error as unknown as Record<string, unknown>;
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(message),
    ...(typeof stack === 'string' ? { stack } : {}),
    ...(typeof expected === 'string' && typeof actual === 'string' ? { expected, actual } : {}),
  };
}

export default class GraderReporter implements Reporter {
  readonly #file = process.env[RESULTS_ENV];
  /** Console lines per test id, until its verdict is recorded. */
  readonly #logs = new Map<string, string[]>();
  /** Test ids to their file and full name (console logs and unhandled errors name the test by id). */
  readonly #tests = new Map<string, { file: string; name: string }>();

  /** Errors already recorded as they were caught (so the end of the run does not repeat them). */
  readonly #caught = new WeakSet<object>();

  #record(record: ResultRecord): void {
    recordResult(record, this.#file);
  }

  /**
   * Vitest reports errors caught outside a test's verdict only when the whole run ends, which a run the
   * watchdog stops never reaches: record each as Vitest catches it.
   */
  onInit(vitest: Vitest): void {
    const state = vitest.state as unknown as { catchError?: (error: unknown, type: string) => void };
    const catchError = state.catchError?.bind(vitest.state);
    if (!catchError) return;
    state.catchError = (error: unknown, type: string) => {
      if (error && typeof error === 'object') {
        this.#caught.add(error);
        this.#unhandled(error as VitestError, type);
      }
      catchError(error, type);
    };
  }

  #unhandled(error: VitestError, type?: string): void {
    const fields = error as unknown as { VITEST_TEST_PATH?: string; VITEST_TEST_NAME?: string; taskId?: string };
    const byId = fields.taskId ? this.#tests.get(fields.taskId) : undefined;
    const file = fields.VITEST_TEST_PATH ?? byId?.file;
    const test = byId?.name ?? fields.VITEST_TEST_NAME;
    this.#record({
      type: 'unhandled',
      ...(file ? { file } : {}),
      ...(test ? { test } : {}),
      ...(type ? { kind: type } : {}),
      error: serialize(error),
    });
  }

  onTestModuleCollected(module: TestModule): void {
    const tests = [...module.children.allTests()];
    for (const test of tests) this.#tests.set(test.id, { file: module.moduleId, name: test.fullName });
    this.#record({ type: 'collected', file: module.moduleId, tests: tests.map((test) => test.fullName) });
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (!log.taskId) return;
    const lines = this.#logs.get(log.taskId) ?? [];
    if (lines.length > LOG_LINES_PER_TEST) return;
    for (const line of log.content.replace(/\n$/, '').split('\n')) {
      if (lines.length > LOG_LINES_PER_TEST) break;
      lines.push(lines.length === LOG_LINES_PER_TEST ? '…' : line.length > LOG_LINE_CHARS ? `${line.slice(0, LOG_LINE_CHARS)}…` : line);
    }
    this.#logs.set(log.taskId, lines);
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state === 'pending') return;
    const logs = this.#logs.get(test.id);
    this.#logs.delete(test.id);
    this.#record({
      type: 'verdict',
      file: test.module.moduleId,
      name: test.fullName,
      state: result.state,
      ...(result.state === 'failed' ? { error: serialize(result.errors[0]) } : {}),
      ...(test.diagnostic()?.duration !== undefined ? { durationMs: Math.round(test.diagnostic()!.duration) } : {}),
      ...(logs?.length ? { logs } : {}),
    });
  }

  onTestModuleEnd(module: TestModule): void {
    this.#record({ type: 'module-end', file: module.moduleId, errors: module.errors().map(serialize), tests: [...module.children.allTests()].length });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<VitestError>): void {
    for (const error of unhandledErrors) if (!this.#caught.has(error)) this.#unhandled(error);
    this.#record({ type: 'run-end' });
  }
}
