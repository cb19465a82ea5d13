/**
 * The page's side of a run (no Node API; the Node parity check drives it with worker_threads): starts
 * a worker, sends the student's code, collects verdicts, and — as the local grader does — stops a test
 * that overruns its budget by more than GRACE_MS by terminating the worker, records it as a timeout,
 * and runs the tests not yet scored in a fresh worker. A file that never finishes loading is stopped
 * after LOAD_TIMEOUT_MS. The outcome is scored by the grader's own rules (scoring.ts).
 */
import type { SerializedError } from '../../grader/events';
import { GRACE_MS, LOAD_TIMEOUT_MS } from '../../grader/limits';
import { callersOfHung, knownHangMessage, missingExportsMessage, scoreOutcome, verdictStatus, type FileOutcome, type GradedLab, type ScoredLabMeta, type TestResult } from '../../grader/scoring';
import { HEARTBEAT_MS, type RunMessage, type WorkerMessage } from './protocol';

/** What the controller needs of a worker (a Web Worker or a Node worker_threads adapter). */
export interface WorkerLike {
  postMessage(message: RunMessage): void;
  terminate(): void;
  /** Hands back a worker whose run ended normally, for reuse (the Node parity check); else it is terminated. */
  release?(): void;
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface RunRequest {
  lab: ScoredLabMeta;
  code: string;
  testsUrl: string;
  /** A fresh worker (the caller may hand out a pre-warmed one). */
  spawn: () => WorkerLike;
  /** The student file as messages name it (`labs/<id>/<id>.ts`). */
  studentFile?: string;
  /** Called as each verdict arrives (for progress), and when a round starts. */
  onProgress?: (done: number, total: number) => void;
  /** Whether messages point at lines of the code (false when the code is a bundle of other files). */
  locate?: boolean;
  graceMs?: number;
  loadTimeoutMs?: number;
}

export interface PageRun {
  graded: GradedLab;
  /** The page's Content-Security-Policy forbids blob: modules: nothing could run. */
  blocked: boolean;
  rounds: number;
}

const BLOCKED =
  "this page's Content-Security-Policy does not allow the module your code is turned into (script-src needs 'self' blob:), so the tests could not run here. Grade it on your machine with npm run grade";

interface Round {
  kind: 'done' | 'timeout' | 'load-timeout' | 'crash' | 'stopped';
}

/** Where in the student's code a stack frame points, as the grader writes it (`labs/<id>/<id>.ts:12:5`). */
function locatorFor(moduleUrls: string[], file: string) {
  return (error: SerializedError): string | undefined => {
    const text = `${error.message}\n${error.stack ?? ''}`;
    for (const url of moduleUrls) {
      const match = new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)(?::(\\d+))?`).exec(text);
      if (match) return `${file}:${match[1]}${match[2] ? `:${match[2]}` : ''}`;
    }
    return undefined;
  };
}

/** Runs the lab's tests in workers and scores them with the grader's rules. */
export async function runLabInPage(request: RunRequest): Promise<PageRun> {
  const { lab } = request;
  const file = request.studentFile ?? `labs/${lab.id}/${lab.id}.ts`;
  const graceMs = request.graceMs ?? GRACE_MS;
  const loadTimeoutMs = request.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  const outcome: FileOutcome = { collected: [], results: new Map<string, TestResult>(), unhandled: [] };
  const moduleUrls: string[] = [];
  let diagnosis: string | undefined;
  let blocked = false;
  let calls = new Map<string, Set<string>>();
  let rounds = 0;

  const runRound = (): Promise<Round> =>
    new Promise((resolve) => {
      rounds++;
      const worker = request.spawn();
      const message: RunMessage = { type: 'run', code: request.code, testsUrl: request.testsUrl, timeoutMs: lab.timeoutMs, skip: [...outcome.results.keys()] };
      const startedLoading = Date.now();
      let lastBeat = startedLoading;
      let loaded = false;
      let running: { name: string; since: number } | undefined;
      let finished = false;
      const finish = (round: Round): void => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        if (worker.release && (round.kind === 'done' || round.kind === 'stopped')) worker.release();
        else worker.terminate();
        resolve(round);
      };
      const watchdog = setInterval(() => {
        const now = Date.now();
        if (!loaded && now - startedLoading > loadTimeoutMs) {
          outcome.problem = { kind: 'load-timeout', afterMs: loadTimeoutMs, ...(now - lastBeat < 2 * HEARTBEAT_MS + 100 ? { settling: true } : {}) };
          finish({ kind: 'load-timeout' });
        } else if (running && now - running.since > lab.timeoutMs + graceMs) {
          const hung = running.name;
          const scored = [...outcome.results.keys()];
          outcome.results.set(hung, { name: hung, status: 'timeout', error: { name: 'Error', message: `Test timed out in ${lab.timeoutMs}ms.` } });
          // As the grader does: the tests that call the one function that hung are not run again.
          for (const [name, fn] of callersOfHung(calls, hung, outcome.collected, scored)) {
            outcome.results.set(name, { name, status: 'timeout', error: { name: 'KnownHang', message: knownHangMessage(fn, hung) } });
          }
          finish({ kind: 'timeout' });
        }
      }, 50);
      worker.onerror = (event) => {
        if (running) outcome.results.set(running.name, { name: running.name, status: 'error', error: { name: 'Error', message: `the worker stopped: ${event.message ?? 'unknown error'}` } });
        else outcome.problem = { kind: 'crash', detail: event.message ?? 'the worker stopped' };
        finish({ kind: 'crash' });
      };
      worker.onmessage = ({ data }) => {
        switch (data.type) {
          case 'alive':
            lastBeat = Date.now();
            break;
          case 'syntax':
            diagnosis = `${file}${data.line ? `:${data.line}:${data.column ?? 1}` : ''} has a syntax error: ${data.message}. Fix it (the editor shows the line), then run the tests again.`;
            finish({ kind: 'stopped' });
            break;
          case 'blocked':
            blocked = true;
            diagnosis = BLOCKED;
            finish({ kind: 'stopped' });
            break;
          case 'load-error':
            outcome.problem = { kind: 'load-error', error: data.error };
            finish({ kind: 'stopped' });
            break;
          case 'missing-exports':
            diagnosis = missingExportsMessage(file, data.names);
            finish({ kind: 'stopped' });
            break;
          case 'module':
            if (request.locate ?? true) moduleUrls.push(data.url);
            break;
          case 'collected':
            loaded = true;
            outcome.collected = data.tests;
            if (data.calls) calls = new Map(Object.entries(data.calls).map(([name, fns]) => [name, new Set(fns)]));
            break;
          case 'start':
            running = { name: data.name, since: Date.now() };
            break;
          case 'verdict':
            running = undefined;
            outcome.results.set(data.name, {
              name: data.name,
              status: verdictStatus(data.state === 'passed', data.error),
              ...(data.error ? { error: data.error } : {}),
              ...(data.logs ? { logs: data.logs } : {}),
            });
            request.onProgress?.(outcome.results.size, lab.tests.length);
            break;
          case 'unhandled':
            outcome.unhandled!.push({ ...(data.test ? { test: data.test } : {}), kind: data.kind, error: data.error });
            break;
          case 'done':
            finish({ kind: 'done' });
            break;
        }
      };
      worker.postMessage(message);
    });

  for (;;) {
    const round = await runRound();
    if (round.kind !== 'timeout') break;
    if (outcome.collected.every((name) => outcome.results.has(name))) break;
  }
  const graded = scoreOutcome(lab, outcome, {
    testFileName: `${lab.id}.test.ts`,
    locate: locatorFor(moduleUrls, file),
    studentFile: file,
    ...(diagnosis ? { diagnosis } : {}),
  });
  return { graded, blocked, rounds };
}
