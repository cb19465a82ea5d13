/**
 * Runs the labs' Vitest tests in a child process that the grader owns, and keeps each test's result as
 * Vitest's main process records it (reporter.ts → the results file). Lab code runs one level further
 * down, in Vitest's worker processes, under Node's permission model (isolation.ts): it cannot write the
 * results file, and nothing it writes decides a verdict.
 *
 * Vitest cannot stop a test that loops synchronously (docs/grader.md), so a watchdog does: it reads the
 * runner's progress events (events.ts), and when a test overruns its lab's time budget, or a file never
 * finishes loading, it kills the whole process group, records the test as a timeout, and runs the files
 * that were not finished again without the tests already scored — nor the tests that call a function
 * already known to hang (hangs.ts). Each round scores at least one more test or file, and the whole
 * grading has a hard deadline, so grading always ends. After every round, every process the round
 * started is killed, whether it ended by itself or not, and the grader waits for the process to exit,
 * not for its pipes to close (a grandchild holding stderr open cannot keep it waiting).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENTS_ENV, SKIP_ENV, parseEvents, type GraderEvent, type SerializedError } from './events';
import { hungCallers } from './hangs';
import { LAB_TARGET_ENV } from './lab-target';
import { GRACE_MS, LOAD_TIMEOUT_MS, MAX_GRADING_MS, POLL_MS, ROUND_OVERHEAD_MS, workerMemoryMb } from './limits';
import { parseResults, RESULTS_ENV, type ResultRecord } from './results';
import { knownHangMessage, verdictStatus, type FileProblem, type TestResult, type TestStatus } from './scoring';

export type { FileProblem, TestResult, TestStatus } from './scoring';

export interface FileResult {
  file: string;
  /** The tests Vitest found in the file, in order (empty if it never loaded). */
  collected: string[];
  results: Map<string, TestResult>;
  problem?: FileProblem;
  /** Imports from lab code that the guard refused (lab-guard.ts): the lab's result is not valid. */
  refused?: { source: string; reason: string; importer: string }[];
  /** Why the run of this lab cannot be trusted (lab code changed built-ins or overruled a verdict). */
  tampered?: string;
  /** Errors Vitest caught outside a verdict (an unhandled rejection, an error after a test ended). */
  unhandled?: { test?: string; kind?: string; error: SerializedError }[];
  /** Things to tell the student that are not results (a stale .js beside the lab file). */
  notes?: string[];
}

/** A module the workers ran, with the SHA-256 of the source they were given. */
export interface LoadedFile {
  file: string;
  sha256: string;
  student: boolean;
}

export interface RunOutcome {
  files: FileResult[];
  /** Every module the labs project served, as the workers got it (for the integrity check). */
  loaded: LoadedFile[];
  /** Set when the overall deadline stopped the grading. */
  deadlineHit?: boolean;
}

export interface RunRequest {
  /** The project root: where vitest.config.ts is. */
  root: string;
  /** The folder of labs whose tests are run (QC_LABS_DIR). */
  labsDir: string;
  /** Absolute paths of the test files, each with its per-test time budget and number of graded tests. */
  files: { file: string; timeoutMs: number; tests?: number }[];
  /** QC_LAB_TARGET: whose implementation the tests import. */
  target?: string;
  /** How long a test file may take to load (import the student's file) before it counts as hung. */
  loadTimeoutMs?: number;
  /** Extra time a test gets, beyond its budget, before the watchdog kills the process. */
  graceMs?: number;
  /** The most the whole run may take (default: overallDeadline of the files). */
  deadlineMs?: number;
  /** Called with every progress event as it arrives (for live progress). */
  onEvent?: (event: GraderEvent) => void;
  /** Called while a test runs past its budget, before the watchdog stops it (for live progress). */
  onOverrun?: (overrun: { file: string; test?: string; elapsedMs: number; limitMs: number }) => void;
  /** Called before and after each round (integrity checks). */
  onRound?: (when: 'before' | 'after', round: number) => void;
  /**
   * Run every file of a round in one worker process instead of one process per file (Vitest's
   * `isolate: false`; still under the permission model). Only for the lab proofs, which grade the
   * course's own code: files that share a process share its built-ins and modules.
   */
  shareWorker?: boolean;
}

const require = createRequire(import.meta.url);
const reporterPath = join(dirname(fileURLToPath(import.meta.url)), 'reporter.ts');

/** The hard deadline of a run: every graded test at its budget plus grace, and Vitest's starts. */
export function overallDeadline(files: RunRequest['files'], graceMs = GRACE_MS, loadTimeoutMs = LOAD_TIMEOUT_MS): number {
  const tests = files.reduce((sum, f) => sum + (f.tests ?? 10) * (f.timeoutMs + graceMs) + loadTimeoutMs, 0);
  return Math.min(MAX_GRADING_MS, ROUND_OVERHEAD_MS + 2 * tests);
}

interface RoundOutcome {
  /** Set when the watchdog stopped the round, naming the file and what hung. */
  killed?: { file: string; test?: string; afterMs: number; settling?: boolean };
  deadline?: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A process, by id and start time (so that an id the system has since reused is never killed). */
export interface ProcessRef {
  pid: number;
  start: string;
}

function processStat(pid: number): { ppid: number; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), start: fields[19]! };
  } catch {
    return undefined;
  }
}

/** `pid`'s descendants, however they were started (Linux: from /proc; elsewhere none). */
export function descendants(pid: number): ProcessRef[] {
  if (process.platform !== 'linux' || !existsSync('/proc')) return [];
  const children = new Map<number, ProcessRef[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push({ pid: Number(entry), start: stat.start });
    children.set(stat.ppid, list);
  }
  const out: ProcessRef[] = [];
  const visit = (p: number): void => {
    for (const child of children.get(p) ?? []) {
      out.push(child);
      visit(child.pid);
    }
  };
  visit(pid);
  return out;
}

/**
 * Kills a child and everything it started: its process group, and (on Linux) every descendant found
 * in /proc now or seen earlier (`known`), which catches one that moved to a session of its own.
 */
export function killTree(child: ChildProcess, known: ProcessRef[] = []): void {
  if (child.pid === undefined) return;
  const refs = [...known, ...descendants(child.pid)];
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    child.kill('SIGKILL');
  }
  for (const ref of refs) {
    if (processStat(ref.pid)?.start !== ref.start) continue;
    try {
      process.kill(ref.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Runs the test files to completion, however the code under test behaves. */
export async function runTests(request: RunRequest): Promise<RunOutcome> {
  const loadTimeoutMs = request.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  const graceMs = request.graceMs ?? GRACE_MS;
  const deadline = Date.now() + (request.deadlineMs ?? overallDeadline(request.files, graceMs, loadTimeoutMs));
  request = { ...request, files: request.files.map((f) => ({ ...f, file: resolve(f.file) })), labsDir: resolve(request.labsDir) };
  const budget = new Map(request.files.map(({ file, timeoutMs }) => [file, timeoutMs]));
  const state = new Map<string, FileState>(
    request.files.map(({ file }) => [file, { file, collected: [], results: new Map(), done: false }]),
  );
  const loaded = new Map<string, LoadedFile>();
  const work = mkdtempSync(join(tmpdir(), 'qc-grader-'));
  let deadlineHit = false;
  try {
    for (let round = 1; ; round++) {
      const pending = [...state.values()].filter((f) => !f.done);
      if (!pending.length) break;
      if (Date.now() >= deadline) {
        deadlineHit = true;
        break;
      }
      const scoredBefore = progressCount(state);
      const running: Running = new Map();
      const finished = new Map<string, Set<string>>();
      request.onRound?.('before', round);
      const outcome = await runRound(request, round, work, pending, state, running, finished, loaded, budget, loadTimeoutMs, graceMs, deadline);
      request.onRound?.('after', round);
      settleRound(state, running, finished, outcome, loadTimeoutMs);
      if (outcome.deadline) {
        deadlineHit = true;
        break;
      }
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
    if (deadlineHit) {
      const seconds = Math.round((request.deadlineMs ?? overallDeadline(request.files, graceMs, loadTimeoutMs)) / 1000);
      for (const file of state.values()) {
        if (file.done) continue;
        if (!file.collected.length) file.problem ??= { kind: 'crash', detail: `grading stopped at its overall deadline (${seconds} s) before this file was loaded` };
        for (const name of file.collected) {
          if (!file.results.has(name)) {
            file.results.set(name, { name, status: 'timeout', error: { name: 'Deadline', message: `not run: grading stopped at its overall deadline (${seconds} s)` } });
          }
        }
        file.done = true;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    files: request.files.map(({ file }) => {
      const { done: _done, ...result } = state.get(file)!;
      return result;
    }),
    loaded: [...loaded.values()],
    ...(deadlineHit ? { deadlineHit } : {}),
  };
}

/** A file's results so far, and whether every test of it has an answer. */
export type FileState = FileResult & { done: boolean };

/** What each file is doing now: loading (no test) or running a test, since when; when it last beat. */
export type Running = Map<string, { test?: string; since: number; alive?: number }>;

/** Folds one progress event into what is running (progress only: verdicts come from the results). */
export function applyEvent(running: Running, event: GraderEvent): void {
  switch (event.type) {
    case 'collect-start':
      running.set(event.file, { since: event.at, alive: event.at });
      break;
    case 'alive': {
      const where = running.get(event.file);
      if (where && !where.test) where.alive = event.at;
      break;
    }
    case 'collected':
    case 'test-end':
      running.set(event.file, { since: event.at });
      break;
    case 'test-start':
      running.set(event.file, { test: event.name, since: event.at });
      break;
    case 'file-end':
      running.delete(event.file);
      break;
  }
}


/** Folds one record of the results file into a file's state (the verdicts the grader scores). */
export function applyRecord(file: FileState, record: ResultRecord, labsDir: string): void {
  switch (record.type) {
    case 'collected':
      file.collected = record.tests;
      break;
    case 'verdict': {
      if (record.state === 'skipped') break;
      const error = record.error;
      if (error?.name === 'QcIntegrityError') file.tampered ??= error.message;
      const status = verdictStatus(record.state === 'passed', error);
      file.results.set(record.name, {
        name: record.name,
        status,
        ...(error ? { error } : {}),
        ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
        ...(record.logs ? { logs: record.logs } : {}),
      });
      break;
    }
    case 'module-end': {
      const crash = record.errors.find((e) => /Worker exited unexpectedly|Worker forks emitted error|Worker .* (exited|terminated)/i.test(e.message));
      if (crash) break; // settleRound charges the test that was running, and the file runs again.
      if (record.errors.length && !file.collected.length) {
        file.problem = { kind: 'load-error', error: record.errors[0]! };
      } else if (record.errors.length) {
        for (const error of record.errors) (file.unhandled ??= []).push({ error });
      }
      file.done = true;
      break;
    }
    case 'unhandled':
      (file.unhandled ??= []).push({ ...(record.test ? { test: record.test } : {}), ...(record.kind ? { kind: record.kind } : {}), error: record.error });
      break;
    case 'refused':
      (file.refused ??= []).push({ source: record.source, reason: record.reason, importer: record.importer });
      break;
    case 'note':
      if (!(file.notes ??= []).includes(record.message)) file.notes.push(record.message);
      break;
    default:
      break;
  }
  void labsDir;
}

/** The test file a lab-keyed record belongs to. */
function fileOfLab(lab: string, labsDir: string): string {
  return join(labsDir, lab, `${lab}.test.ts`);
}

/** The first file that has overrun its budget (a test) or the load limit (no test yet), if any. */
export function overdue(
  running: Running,
  budget: (file: string) => number,
  loadTimeoutMs: number,
  graceMs: number,
  now: number,
): { file: string; test?: string; afterMs: number; settling?: boolean } | undefined {
  for (const [file, where] of running) {
    const limit = where.test ? budget(file) + graceMs : loadTimeoutMs;
    if (now - where.since > limit) {
      const settling = !where.test && where.alive !== undefined && now - where.alive < 1000;
      return { file, ...(where.test ? { test: where.test } : {}), afterMs: now - where.since, ...(settling ? { settling } : {}) };
    }
  }
  return undefined;
}

/** Reads new whole lines of a file as they are appended. */
export class LineReader<T> {
  #offset = 0;
  constructor(
    readonly path: string,
    readonly parse: (text: string) => T[],
  ) {}

  read(): T[] {
    // Only whole lines are read; a line still being written waits for the next call.
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch {
      return [];
    }
    const end = bytes.lastIndexOf(10) + 1;
    if (end <= this.#offset) return [];
    const items = this.parse(bytes.subarray(this.#offset, end).toString('utf8'));
    this.#offset = end;
    return items;
  }
}

/** Reads new progress events as the runner appends them. */
export class EventsReader extends LineReader<GraderEvent> {
  constructor(path: string) {
    super(path, (text) => parseEvents(text).events);
  }
}

/** Reads new result records as Vitest's main process appends them. */
export class ResultsReader extends LineReader<ResultRecord> {
  constructor(path: string) {
    super(path, parseResults);
  }
}

export interface VitestChild {
  child: ChildProcess;
  /** The last few kilobytes the child wrote to stderr. */
  stderr(): string;
  /** Resolves when the child has exited (not when its pipes close). */
  exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts Vitest's labs project on `files` in a process group of its own (so all of it can be killed). */
export function spawnLabsVitest(options: {
  root: string;
  labsDir: string;
  files: string[];
  target: string;
  eventsFile: string;
  resultsFile: string;
  /** Vitest's temporary folder (the workers may read it; see isolation.ts). */
  tmp: string;
  skip?: Record<string, string[]>;
  testTimeoutMs: number;
  watch?: boolean;
  /** One worker process for all the files (see RunRequest.shareWorker). */
  shareWorker?: boolean;
}): VitestChild {
  const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  mkdirSync(options.tmp, { recursive: true });
  const args = [
    vitest,
    options.watch ? 'watch' : 'run',
    '--project=labs',
    `--reporter=${reporterPath}`,
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
      [RESULTS_ENV]: options.resultsFile,
      [SKIP_ENV]: JSON.stringify(options.skip ?? {}),
      // Watch mode runs lab code in threads (vitest.config.ts); grading, in processes under the permission model.
      QC_WATCH: options.watch ? '1' : '',
      QC_LAB_SHARE_WORKER: options.shareWorker ? '1' : '',
      TMPDIR: options.tmp,
      TMP: options.tmp,
      TEMP: options.tmp,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const exited = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (exitCode, signal) => resolve({ exitCode, signal }));
    child.once('error', () => resolve({ exitCode: null, signal: null }));
  });
  return { child, stderr: () => stderr, exited };
}

/** How many tests and files have a final answer: a round that adds none has stalled. */
function progressCount(state: Map<string, FileState>): number {
  let n = 0;
  for (const file of state.values()) n += file.results.size + (file.done ? 1 : 0);
  return n;
}

const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/;

function crashDetail(outcome: RoundOutcome): string {
  const tail = outcome.stderr
    .trim()
    .split('\n')
    .filter((line) => !/ExperimentalWarning|--trace-warnings/.test(line))
    .slice(-6)
    .join('\n');
  const how = outcome.signal ? `was stopped by ${outcome.signal}` : `exited with code ${outcome.exitCode}`;
  return `the test process ${how} before this file finished${tail ? `:\n${tail}` : ''}`;
}

/**
 * Records what a round left unfinished. After a watchdog kill, only the file that hung is charged (its
 * test times out, or the file never loaded), and the tests that call the function that hung are not run
 * again; files it interrupted just run again. After a crash (a worker out of memory, say), the test or
 * file that was running is charged with it.
 */
function settleRound(
  state: Map<string, FileState>,
  running: Running,
  finished: Map<string, Set<string>>,
  outcome: RoundOutcome,
  loadTimeoutMs: number,
): void {
  const memory = OUT_OF_MEMORY.test(outcome.stderr);
  for (const [fileName, where] of running) {
    const file = state.get(fileName)!;
    if (file.done) continue;
    if (outcome.deadline) continue;
    if (outcome.killed) {
      if (outcome.killed.file !== fileName) continue;
      if (where.test) {
        file.results.set(where.test, {
          name: where.test,
          status: 'timeout',
          error: { name: 'Timeout', message: `stopped after ${outcome.killed.afterMs} ms: the test never finished` },
        });
        // Tests that finished in the worker but whose verdict Vitest had not sent yet (it batches them)
        // run again; only the tests that never ran are held back.
        const ran = [...file.results.keys(), ...(finished.get(fileName) ?? [])];
        for (const [name, fn] of hungCallers(fileName, where.test, file.collected, ran)) {
          file.results.set(name, {
            name,
            status: 'timeout',
            error: { name: 'KnownHang', message: knownHangMessage(fn, where.test) },
          });
        }
      } else {
        file.problem = { kind: 'load-timeout', afterMs: loadTimeoutMs, ...(outcome.killed.settling ? { settling: true } : {}) };
        file.done = true;
      }
    } else if (where.test) {
      file.results.set(where.test, {
        name: where.test,
        status: 'error',
        error: memory
          ? { name: 'OutOfMemory', message: `used more than ${workerMemoryMb()} MB of memory, so it was stopped` }
          : { name: 'Crash', message: crashDetail(outcome) },
      });
    } else {
      file.problem = memory ? { kind: 'memory', limitMb: workerMemoryMb() } : { kind: 'crash', detail: crashDetail(outcome) };
      file.done = true;
    }
  }
}

function runRound(
  request: RunRequest,
  round: number,
  work: string,
  pending: FileState[],
  state: Map<string, FileState>,
  running: Running,
  finished: Map<string, Set<string>>,
  loaded: Map<string, LoadedFile>,
  budget: Map<string, number>,
  loadTimeoutMs: number,
  graceMs: number,
  deadline: number,
): Promise<RoundOutcome> {
  const eventsFile = join(work, `events-${round}.ndjson`);
  const resultsFile = join(work, `results-${round}.ndjson`);
  writeFileSync(eventsFile, '');
  writeFileSync(resultsFile, '');
  const { child, stderr, exited } = spawnLabsVitest({
    root: request.root,
    labsDir: request.labsDir,
    files: pending.map((f) => f.file),
    target: request.target ?? 'student',
    eventsFile,
    resultsFile,
    tmp: join(work, 'tmp'),
    skip: Object.fromEntries(pending.map((f) => [f.file, [...f.results.keys()]])),
    testTimeoutMs: Math.max(...pending.map((f) => budget.get(f.file)!)),
    ...(request.shareWorker ? { shareWorker: true } : {}),
  });
  const events = new EventsReader(eventsFile);
  const results = new ResultsReader(resultsFile);
  const warned = new Set<string>();
  const apply = (): void => {
    for (const event of events.read()) {
      if (!state.has(event.file)) continue;
      request.onEvent?.(event);
      applyEvent(running, event);
      if (event.type === 'test-end') finished.set(event.file, (finished.get(event.file) ?? new Set()).add(event.name));
    }
    for (const record of results.read()) {
      if (record.type === 'loaded') {
        loaded.set(record.file, { file: record.file, sha256: record.sha256, student: record.student });
        continue;
      }
      const target = record.type === 'refused' || record.type === 'note' ? fileOfLab(record.lab, request.labsDir) : 'file' in record ? record.file : undefined;
      const file = target ? state.get(target) : undefined;
      if (file) applyRecord(file, record, request.labsDir);
    }
    // A file whose every test has a verdict is no longer running, whatever the worker says.
    for (const [fileName] of running) if (state.get(fileName)?.done) running.delete(fileName);
  };
  return new Promise((resolve) => {
    let killed: RoundOutcome['killed'];
    let stoppedAtDeadline = false;
    // The round's processes, refreshed now and then, so that one which left the process group is
    // still killed at the end (it would no longer be found once its parent has exited).
    const known = new Map<number, ProcessRef>();
    let ticks = 0;
    const timer = setInterval(() => {
      if (child.pid !== undefined && ticks++ % 20 === 0) for (const ref of descendants(child.pid)) known.set(ref.pid, ref);
      apply();
      if (killed || stoppedAtDeadline) return;
      const now = Date.now();
      if (now >= deadline) {
        stoppedAtDeadline = true;
        killTree(child, [...known.values()]);
        return;
      }
      for (const [file, where] of running) {
        const limit = where.test ? budget.get(file)! : loadTimeoutMs;
        const key = `${file}\u0000${where.test ?? ''}\u0000${where.since}`;
        if (now - where.since > limit && !warned.has(key)) {
          warned.add(key);
          request.onOverrun?.({ file, ...(where.test ? { test: where.test } : {}), elapsedMs: now - where.since, limitMs: where.test ? limit + graceMs : limit });
        }
      }
      const late = overdue(running, (file) => budget.get(file)!, loadTimeoutMs, graceMs, now);
      if (late) {
        killed = late;
        killTree(child, [...known.values()]);
      }
    }, POLL_MS);
    void exited.then(({ exitCode, signal }) => {
      clearInterval(timer);
      apply();
      // Whatever ended the round, nothing it started outlives it.
      killTree(child, [...known.values()]);
      child.stderr?.destroy();
      resolve({ ...(killed ? { killed } : {}), ...(stoppedAtDeadline ? { deadline: true } : {}), exitCode, signal, stderr: stderr() });
    });
  });
}

/** The lab id of a test file (its folder's name). */
export const labIdOf = (testFile: string): string => basename(dirname(testFile));
