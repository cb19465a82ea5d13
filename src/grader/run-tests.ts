/**
 * Runs the labs' Vitest tests in a child process that the grader owns, and keeps each test's result as
 * it streams in. Vitest cannot stop a test that loops synchronously (docs/grader.md, "Vitest's blind spot"), so a
 * watchdog does: when a test overruns its lab's time budget, or a file never finishes loading, the
 * whole child process group is killed, the test is recorded as a timeout, and the files that were not
 * finished are run again without the tests already scored. Each round scores at least one more test or
 * file, so grading always ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { EVENTS_ENV, SKIP_ENV, parseEvents, type GraderEvent, type SerializedError } from './events';
import { LAB_TARGET_ENV } from './lab-target';
import { GRACE_MS, LOAD_TIMEOUT_MS, POLL_MS } from './limits';

export type TestStatus = 'passed' | 'failed' | 'timeout' | 'error';

export interface TestResult {
  name: string;
  status: TestStatus;
  /** Why it failed, timed out or errored. */
  error?: SerializedError;
  durationMs?: number;
}

/** Why a whole test file could not be graded. */
export type FileProblem =
  | { kind: 'load-error'; error: SerializedError }
  | { kind: 'load-timeout'; afterMs: number }
  | { kind: 'crash'; detail: string };

export interface FileResult {
  file: string;
  /** The tests Vitest found in the file, in order (empty if it never loaded). */
  collected: string[];
  results: Map<string, TestResult>;
  problem?: FileProblem;
}

export interface RunRequest {
  /** The project root: where vitest.config.ts is. */
  root: string;
  /** The folder of labs whose tests are run (QC_LABS_DIR). */
  labsDir: string;
  /** Absolute paths of the test files, each with its per-test time budget. */
  files: { file: string; timeoutMs: number }[];
  /** QC_LAB_TARGET: whose implementation the tests import. */
  target?: string;
  /** How long a test file may take to load (import the student's file) before it counts as hung. */
  loadTimeoutMs?: number;
  /** Extra time a test gets, beyond its budget, before the watchdog kills the process. */
  graceMs?: number;
  /** Called with every event as it arrives (for live progress). */
  onEvent?: (event: GraderEvent) => void;
}

const require = createRequire(import.meta.url);


interface RoundOutcome {
  /** Set when the watchdog stopped the round, naming the file and what hung. */
  killed?: { file: string; test?: string; afterMs: number };
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Kills a child and everything it started. */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    child.kill('SIGKILL');
  }
}

/** Runs the test files to completion, however the code under test behaves. */
export async function runTests(request: RunRequest): Promise<FileResult[]> {
  const loadTimeoutMs = request.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  const graceMs = request.graceMs ?? GRACE_MS;
  const budget = new Map(request.files.map(({ file, timeoutMs }) => [file, timeoutMs]));
  const state = new Map<string, FileState>(
    request.files.map(({ file }) => [file, { file, collected: [], results: new Map(), done: false }]),
  );
  const work = mkdtempSync(join(tmpdir(), 'qc-grader-'));
  try {
    for (let round = 1; ; round++) {
      const pending = [...state.values()].filter((f) => !f.done);
      if (!pending.length) break;
      const scoredBefore = progressCount(state);
      const eventsFile = join(work, `events-${round}.ndjson`);
      const skipFile = join(work, `skip-${round}.json`);
      writeFileSync(eventsFile, '');
      writeFileSync(skipFile, JSON.stringify(Object.fromEntries(pending.map((f) => [f.file, [...f.results.keys()]]))));
      const running: Running = new Map();
      const apply = (event: GraderEvent): void => {
        const file = state.get(event.file);
        if (!file) return;
        request.onEvent?.(event);
        applyEvent(file, running, event);
      };
      const outcome = await runRound(request, pending, eventsFile, skipFile, apply, running, budget, loadTimeoutMs, graceMs);
      settleRound(state, running, outcome, loadTimeoutMs);
      if (progressCount(state) === scoredBefore) {
        // Nothing moved: give up on what is left rather than loop, and say why.
        for (const file of state.values()) {
          if (!file.done) {
            file.problem ??= { kind: 'crash', detail: crashDetail(outcome) };
            file.done = true;
          }
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return request.files.map(({ file }) => {
    const { done: _done, ...result } = state.get(file)!;
    return result;
  });
}

/** A file's results so far, and whether every test of it has an answer. */
export type FileState = FileResult & { done: boolean };

/** What each file is doing now: loading (no test) or running a test, since when. */
export type Running = Map<string, { test?: string; since: number }>;

/** Folds one progress event into a file's state and into what is running. */
export function applyEvent(file: FileState, running: Running, event: GraderEvent): void {
  switch (event.type) {
    case 'collect-start':
      running.set(event.file, { since: event.at });
      break;
    case 'collected':
      file.collected = event.tests;
      if (event.error) {
        file.problem = { kind: 'load-error', error: event.error };
        file.done = true;
        running.delete(event.file);
      } else running.set(event.file, { since: event.at });
      break;
    case 'test-start':
      running.set(event.file, { test: event.name, since: event.at });
      break;
    case 'test-end': {
      const timedOut = event.error?.message.startsWith('Test timed out') ?? false;
      file.results.set(event.name, {
        name: event.name,
        status: event.state === 'pass' ? 'passed' : timedOut ? 'timeout' : 'failed',
        ...(event.error ? { error: event.error } : {}),
        durationMs: event.at - (running.get(event.file)?.since ?? event.at),
      });
      running.set(event.file, { since: event.at });
      break;
    }
    case 'file-end':
      file.done = true;
      running.delete(event.file);
      break;
  }
}

/** The first file that has overrun its budget (a test) or the load limit (no test yet), if any. */
export function overdue(
  running: Running,
  budget: (file: string) => number,
  loadTimeoutMs: number,
  graceMs: number,
  now: number,
): { file: string; test?: string; afterMs: number } | undefined {
  for (const [file, where] of running) {
    const limit = where.test ? budget(file) + graceMs : loadTimeoutMs;
    if (now - where.since > limit) return { file, ...(where.test ? { test: where.test } : {}), afterMs: now - where.since };
  }
  return undefined;
}

/** Reads new whole lines of an events file as they are appended. */
export class EventsReader {
  #offset = 0;
  constructor(readonly path: string) {}

  read(): GraderEvent[] {
    // Only whole lines are read; a line still being written waits for the next call.
    const bytes = readFileSync(this.path);
    const end = bytes.lastIndexOf(10) + 1;
    if (end <= this.#offset) return [];
    const events = parseEvents(bytes.subarray(this.#offset, end).toString('utf8')).events;
    this.#offset = end;
    return events;
  }
}

export interface VitestChild {
  child: ChildProcess;
  /** The last few kilobytes the child wrote to stderr. */
  stderr(): string;
}

/** Starts Vitest's labs project on `files` in a process group of its own (so all of it can be killed). */
export function spawnLabsVitest(options: {
  root: string;
  labsDir: string;
  files: string[];
  target: string;
  eventsFile: string;
  skipFile?: string;
  testTimeoutMs: number;
  watch?: boolean;
}): VitestChild {
  const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = [
    vitest,
    options.watch ? 'watch' : 'run',
    '--project=labs',
    '--reporter=dot',
    '--silent=true',
    `--testTimeout=${options.testTimeoutMs}`,
    ...options.files.map((file) => relative(options.root, file).split('\\').join('/')),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      QC_LABS_DIR: relative(options.root, options.labsDir).split('\\').join('/') || '.',
      [LAB_TARGET_ENV]: options.target,
      [EVENTS_ENV]: options.eventsFile,
      ...(options.skipFile ? { [SKIP_ENV]: options.skipFile } : {}),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  return { child, stderr: () => stderr };
}

/** How many tests and files have a final answer: a round that adds none has stalled. */
function progressCount(state: Map<string, FileState>): number {
  let n = 0;
  for (const file of state.values()) n += file.results.size + (file.done ? 1 : 0);
  return n;
}

function crashDetail(outcome: RoundOutcome): string {
  const tail = outcome.stderr.trim().split('\n').slice(-6).join('\n');
  const how = outcome.signal ? `was stopped by ${outcome.signal}` : `exited with code ${outcome.exitCode}`;
  return `the test process ${how} before this file finished${tail ? `:\n${tail}` : ''}`;
}

/**
 * Records what a round left unfinished. After a watchdog kill, only the file that hung is charged (its
 * test times out, or the file never loaded); files it interrupted just run again. After a crash, the
 * test or file that was running when the process died is charged with it.
 */
function settleRound(
  state: Map<string, FileState>,
  running: Running,
  outcome: RoundOutcome,
  loadTimeoutMs: number,
): void {
  for (const [fileName, where] of running) {
    const file = state.get(fileName)!;
    if (file.done) continue;
    if (outcome.killed) {
      if (outcome.killed.file !== fileName) continue;
      if (where.test) {
        file.results.set(where.test, {
          name: where.test,
          status: 'timeout',
          error: { name: 'Timeout', message: `stopped after ${outcome.killed.afterMs} ms: the test never finished (an endless loop?)` },
        });
      } else {
        file.problem = { kind: 'load-timeout', afterMs: loadTimeoutMs };
        file.done = true;
      }
    } else if (where.test) {
      file.results.set(where.test, { name: where.test, status: 'error', error: { name: 'Crash', message: crashDetail(outcome) } });
    } else {
      file.problem = { kind: 'crash', detail: crashDetail(outcome) };
      file.done = true;
    }
  }
}

function runRound(
  request: RunRequest,
  pending: FileResult[],
  eventsFile: string,
  skipFile: string,
  apply: (event: GraderEvent) => void,
  running: Running,
  budget: Map<string, number>,
  loadTimeoutMs: number,
  graceMs: number,
): Promise<RoundOutcome> {
  const { child, stderr } = spawnLabsVitest({
    root: request.root,
    labsDir: request.labsDir,
    files: pending.map((f) => f.file),
    target: request.target ?? 'student',
    eventsFile,
    skipFile,
    testTimeoutMs: Math.max(...pending.map((f) => budget.get(f.file)!)),
  });
  const reader = new EventsReader(eventsFile);
  return new Promise((resolve) => {
    let killed: RoundOutcome['killed'];
    const timer = setInterval(() => {
      reader.read().forEach(apply);
      const late = killed ? undefined : overdue(running, (file) => budget.get(file)!, loadTimeoutMs, graceMs, Date.now());
      if (late) {
        killed = late;
        killTree(child);
      }
    }, POLL_MS);
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      reader.read().forEach(apply);
      resolve({ ...(killed ? { killed } : {}), exitCode, signal, stderr: stderr() });
    });
  });
}
