/**
 * What the lab worker does with one run message: transpile the student's TypeScript (sucrase, which
 * keeps line numbers), check that a blob: module may load at all (a Content-Security-Policy without
 * `blob:` in script-src forbids it), load the student's module, then the lab's test bundle, and run
 * the tests, posting each step. The environment (how to post, how to load a module from source) is
 * injected, so the browser worker (lab-worker.ts) and the Node parity check share this code.
 */
import { describeThrown, serializeError } from '../../grader/scoring';
import { installSeededRandom } from '../../grader/seeded-random';
import { HEARTBEAT_MS, type RunMessage, type WorkerMessage } from './protocol';

export interface WorkerEnv {
  post(message: WorkerMessage): void;
  /** TypeScript to JavaScript; throws a SyntaxError with `loc` { line, column } (1-based line). */
  transpile(code: string): string;
  /** A URL a module can be imported from, holding `code` (a blob: URL in the browser). */
  moduleUrl(code: string): string;
  importModule(url: string): Promise<Record<string, unknown>>;
  /** Imports the test bundle. */
  importTests(url: string): Promise<TestBundle>;
  /** Registers a listener for errors nobody handled. */
  onUnhandled(listener: (kind: string, error: unknown) => void): void;
}

export interface TestBundle {
  collectedTests(): string[];
  TEST_CALLS?: Record<string, string[]>;
  runTests(options: {
    timeoutMs: number;
    skip?: readonly string[];
    onStart?: (name: string) => void;
    onVerdict?: (verdict: { name: string; state: 'passed' | 'failed'; error?: ReturnType<typeof serializeError>; logs?: string[]; durationMs: number }) => void;
  }): Promise<unknown>;
}

const LAB_GLOBAL = '__qcLab';

function loadError(thrown: unknown): ReturnType<typeof serializeError> {
  if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null && 'message' in thrown)) return serializeError(thrown);
  return { name: 'NonErrorThrown', message: `threw ${describeThrown(thrown)}, not an Error,` };
}

export async function runInWorker(message: RunMessage, env: WorkerEnv): Promise<void> {
  const { post } = env;
  // Math.random from the grader's seed, before the student's module loads: the same draws as there.
  installSeededRandom();
  const beat = setInterval(() => post({ type: 'alive' }), HEARTBEAT_MS);
  let current: string | undefined;
  env.onUnhandled((kind, error) => post({ type: 'unhandled', ...(current ? { test: current } : {}), kind, error: loadError(error) }));
  try {
    let js: string;
    try {
      js = env.transpile(message.code);
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc;
      const text = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
      post({ type: 'syntax', message: text, ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) });
      return;
    }
    try {
      await env.importModule(env.moduleUrl('export {};'));
    } catch {
      post({ type: 'blocked' });
      return;
    }
    let lab: Record<string, unknown>;
    try {
      const url = env.moduleUrl(js);
      post({ type: 'module', url });
      lab = await env.importModule(url);
    } catch (error) {
      post({ type: 'load-error', error: loadError(error) });
      return;
    }
    (globalThis as Record<string, unknown>)[LAB_GLOBAL] = lab;
    let bundle: TestBundle;
    try {
      bundle = await env.importTests(message.testsUrl);
    } catch (error) {
      const missing = (error as { missing?: unknown }).missing;
      if ((error as Error | undefined)?.name === 'QcMissingExports' && Array.isArray(missing)) post({ type: 'missing-exports', names: missing as string[] });
      else post({ type: 'load-error', error: loadError(error) });
      return;
    }
    post({ type: 'collected', tests: bundle.collectedTests(), ...(bundle.TEST_CALLS ? { calls: bundle.TEST_CALLS } : {}) });
    clearInterval(beat);
    await bundle.runTests({
      timeoutMs: message.timeoutMs,
      skip: message.skip,
      onStart: (name) => {
        current = name;
        post({ type: 'start', name });
      },
      onVerdict: (verdict) => {
        current = undefined;
        post({ type: 'verdict', ...verdict });
      },
    });
    post({ type: 'done' });
  } finally {
    clearInterval(beat);
  }
}
