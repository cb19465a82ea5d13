/**
 * The part of Vitest the labs' tests use, for running them outside Vitest: in a module Web Worker on a
 * lesson page (issue 15), and in Node for the parity check (src/dev/parity.ts). The page's test bundles
 * alias `vitest` to this file (src/labs/browser/bundle.ts); src/dev/lab-tests-portable.test.ts fails
 * when a lab's test uses a Vitest API that is not in SHIM_API.
 *
 * What it keeps of Vitest: tests run one at a time in the order they were declared; a test's full name
 * is its describe names and its own name joined with " > "; a test (sync or async) that takes its
 * budget or longer fails with Vitest's own timeout message and rule (runWithTimeout: a timer for async
 * work, and a check of the elapsed time when the body returns); an `assert.fail` throws an
 * AssertionError. A value thrown that is not an Error is described as the grader's runner does.
 * No Node API is used.
 */
import type { SerializedError } from '../../grader/events';
import { describeThrown, serializeError } from '../../grader/scoring';

/** Every name the labs' tests may import from 'vitest', with the members they may use. */
export const SHIM_API: Readonly<Record<string, readonly string[]>> = {
  describe: [],
  it: [],
  test: [],
  assert: ['fail'],
};

type Body = () => unknown;
interface Registered {
  name: string;
  fn: Body;
  timeoutMs?: number;
}

const registered: Registered[] = [];
const suites: string[] = [];

export function describe(name: string, fn: () => void): void {
  suites.push(name);
  try {
    fn();
  } finally {
    suites.pop();
  }
}

export function it(name: string, fn: Body, timeout?: number): void {
  registered.push({ name: [...suites, name].join(' > '), fn, ...(typeof timeout === 'number' ? { timeoutMs: timeout } : {}) });
}
export const test = it;

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export const assert = {
  fail(message?: string): never {
    throw new AssertionError(message ?? 'assert.fail()');
  },
};

/** Thrown in place of a value that is not an Error, as the grader's runner does (runner.ts). */
class NonErrorThrown extends Error {
  override name = 'NonErrorThrown';
}

export interface ShimVerdict {
  name: string;
  state: 'passed' | 'failed';
  error?: SerializedError;
  durationMs: number;
  logs?: string[];
}

export interface ShimUnhandled {
  test?: string;
  kind: string;
  error: SerializedError;
}

export interface ShimRunOptions {
  /** The lab's per-test budget (lab.json's timeoutMs), Vitest's testTimeout. */
  timeoutMs: number;
  /** Full names of tests not to run (already scored in an earlier worker). */
  skip?: readonly string[];
  onStart?: (name: string) => void;
  onVerdict?: (verdict: ShimVerdict) => void;
  /** A monotonic clock in ms (performance.now by default). */
  now?: () => number;
}

/** The full names of the tests the bundle declared, in order. */
export function collectedTests(): string[] {
  return registered.map((t) => t.name);
}

function timeoutError(ms: number): Error {
  return new Error(
    `Test timed out in ${ms}ms.\nIf this is a long-running test, pass a timeout value as the last argument or configure it globally with "testTimeout".`,
  );
}

function asError(thrown: unknown): unknown {
  if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null && 'message' in thrown)) return thrown;
  return new NonErrorThrown(`threw ${describeThrown(thrown)}, not an Error`);
}

/** Vitest's runWithTimeout, without its hooks. */
function withTimeout(fn: Body, ms: number, now: () => number): Promise<unknown> {
  const setTimer = globalThis.setTimeout;
  const clearTimer = globalThis.clearTimeout;
  const start = now();
  return new Promise((resolve, reject) => {
    const timer = setTimer(() => reject(timeoutError(ms)), ms);
    const done = (value: unknown): void => {
      clearTimer(timer);
      if (now() - start >= ms) reject(timeoutError(ms));
      else resolve(value);
    };
    try {
      const result = fn();
      if (typeof result === 'object' && result !== null && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(done, (error: unknown) => {
          clearTimer(timer);
          reject(error);
        });
      } else done(result);
    } catch (error) {
      clearTimer(timer);
      reject(error);
    }
  });
}

const LOG_LINES = 20;
const LOG_CHARS = 300;

function format(args: unknown[]): string {
  return args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      try {
        return typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg);
      } catch {
        return String(arg);
      }
    })
    .join(' ');
}

/** Runs the declared tests in order, one at a time; resolves when every test has a verdict. */
export async function runTests(options: ShimRunOptions): Promise<ShimVerdict[]> {
  const now = options.now ?? (() => performance.now());
  const skip = new Set(options.skip ?? []);
  const verdicts: ShimVerdict[] = [];
  const console_ = globalThis.console;
  const original = console_.log;
  for (const t of registered) {
    if (skip.has(t.name)) continue;
    options.onStart?.(t.name);
    const logs: string[] = [];
    console_.log = (...args: unknown[]) => {
      for (const line of format(args).split('\n')) {
        if (logs.length > LOG_LINES) break;
        logs.push(logs.length === LOG_LINES ? '…' : line.length > LOG_CHARS ? `${line.slice(0, LOG_CHARS)}…` : line);
      }
    };
    const start = now();
    let verdict: ShimVerdict;
    try {
      await withTimeout(() => {
        try {
          const result = t.fn();
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(asError(error))) : result;
        } catch (error) {
          throw asError(error);
        }
      }, t.timeoutMs ?? options.timeoutMs, now);
      verdict = { name: t.name, state: 'passed', durationMs: Math.round(now() - start) };
    } catch (error) {
      verdict = { name: t.name, state: 'failed', error: serializeError(error), durationMs: Math.round(now() - start) };
    } finally {
      console_.log = original;
    }
    if (logs.length) verdict.logs = logs;
    verdicts.push(verdict);
    options.onVerdict?.(verdict);
  }
  return verdicts;
}
