/**
 * Watch mode as a state machine: everything `npm run grade -- --watch` knows and decides, with no
 * timers, files, processes or terminal. The adapters in watch.ts turn the world into WatchEvents
 * (a save, a line of test progress, a poll tick, a one-off grade finishing, a key) and carry out the
 * WatchEffects this returns (start or kill the warm Vitest, grade a lab on its own, touch a test file,
 * open a hint, draw the screen). The same events in the same order always give the same effects.
 *
 * The warm Vitest runs every lab that is not benched. A test that overruns its budget benches its lab:
 * the warm process is killed, the lab is graded on its own by the round-based runner (which records
 * the timeout and runs the rest), and the warm process comes back without it. A benched lab is graded
 * on its own at each save until a save no longer hangs, when it rejoins the warm process.
 */
import type { GradedLab } from './grade';
import { applyEvent, applyRecord, overdue, type FileResult, type FileState, type Running } from './run-tests';
import type { GraderEvent } from './events';
import type { ResultRecord } from './results';
import { GRACE_MS, LOAD_TIMEOUT_MS } from './limits';

/** What the machine needs to know of a lab. */
export interface WatchLab {
  id: string;
  testFile: string;
  timeoutMs: number;
}

/** A static check's verdict on a lab's file: whether it exists, the diagnosis if it cannot be graded, warnings. */
export interface CheckResult {
  exists: boolean;
  diagnosis?: string;
  warnings?: string[];
}

export interface WatchConfig {
  labs: WatchLab[];
  /** Runs the static checks (parse, exports, types) on these labs' files, synchronously. */
  check: (labs: string[]) => Map<string, CheckResult>;
  /** Scores a lab from its test file's results and what the static checks found before the run. */
  score: (lab: string, result: FileResult | undefined, check: CheckResult | undefined) => GradedLab;
}

export type WatchEvent =
  /** The student saved (or deleted) a lab's file. */
  | { type: 'saved'; lab: string; at: number }
  /** A progress line from the warm Vitest's events file (what runs: for the watchdog only). */
  | { type: 'progress'; event: GraderEvent }
  /** A record from the warm Vitest's results file (verdicts, written by its main process). */
  | { type: 'result'; record: ResultRecord; at: number }
  /** The poll timer: time to look for a test that overran. */
  | { type: 'tick'; at: number }
  /** The adapter started the warm Vitest on these labs (none: it is not running). */
  | { type: 'warm-started'; labs: string[] }
  /** A one-off grade that an effect asked for has finished. */
  | { type: 'graded-alone'; lab: GradedLab; at: number }
  /** The delay after a save has passed; `generation` says whether the lab was rerun meanwhile. */
  | { type: 'touch-due'; lab: string; generation: number }
  | { type: 'key'; key: string };

export type WatchEffect =
  /** (Re)start the warm Vitest on these labs, killing the one running, and send `warm-started`. */
  | { type: 'start-warm'; labs: string[] }
  | { type: 'kill-warm' }
  | { type: 'grade-alone'; lab: string }
  /** Send `touch-due` after `afterMs`. */
  | { type: 'touch-later'; lab: string; afterMs: number; generation: number }
  /** Touch the lab's test file, so that Vitest reruns it. */
  | { type: 'touch'; lab: string }
  /** A lab was graded; `msSinceSave` when a save caused it. */
  | { type: 'graded'; lab: GradedLab; msSinceSave?: number }
  | { type: 'open-hint'; lab: string; test: string }
  | { type: 'render' }
  | { type: 'stop' };

/** How long after a save the machine waits for Vitest to rerun a lab before touching its test file. */
export const TOUCH_AFTER_MS = 400;

/** Whether a result says the lab's code still hangs, so it must stay out of the warm process. */
const stillHangs = (lab: GradedLab): boolean =>
  lab.tests.some((t) => t.status === 'timeout') || (lab.diagnosis?.includes('never finished loading') ?? false);

export class WatchState {
  readonly #config: WatchConfig;
  readonly #byTestFile: Map<string, WatchLab>;
  /** The latest grade of each lab. */
  readonly graded = new Map<string, GradedLab>();
  /** The latest static check of each lab. */
  readonly checks = new Map<string, CheckResult>();
  /** When each lab was saved, until its regrade is shown. */
  readonly savedAt = new Map<string, number>();
  /** Labs taken out of the warm process because a test hung. */
  readonly benched = new Set<string>();
  /** The lab shown on screen: the one saved last. */
  current: string;
  /** The status line. */
  status = 'Grading…';
  /** off: no warm Vitest; on: running; restarting: being replaced (its progress is ignored). */
  warm: 'off' | 'on' | 'restarting' = 'off';
  #files = new Map<string, FileState>();
  #running: Running = new Map();
  /** Labs whose one-off grade was asked for by a hang (not by a save). */
  readonly #benchGrades = new Set<string>();
  /** Bumped each time a lab's test file starts again in the warm process. */
  readonly #generation = new Map<string, number>();

  constructor(config: WatchConfig) {
    if (!config.labs.length) throw new Error('watch mode needs at least one lab');
    this.#config = config;
    this.#byTestFile = new Map(config.labs.map((lab) => [lab.testFile, lab]));
    this.current = config.labs[0]!.id;
  }

  /** The first effects: check every lab, grade the missing ones, start the warm process. */
  start(): WatchEffect[] {
    const ids = this.#config.labs.map((lab) => lab.id);
    this.#check(ids);
    const effects: WatchEffect[] = [this.#startWarm()];
    for (const id of ids.filter((id) => !this.checks.get(id)?.exists)) effects.push(...this.#record(this.#config.score(id, undefined, this.checks.get(id)), undefined));
    effects.push({ type: 'render' });
    return effects;
  }

  /** Folds one event into the state and says what to do about it. */
  dispatch(event: WatchEvent): WatchEffect[] {
    switch (event.type) {
      case 'saved':
        return this.#saved(event.lab, event.at);
      case 'progress':
        return this.warm === 'on' ? this.#progress(event.event) : [];
      case 'result':
        return this.warm === 'on' ? this.#result(event.record, event.at) : [];
      case 'tick': {
        if (this.warm !== 'on') return [];
        const late = overdue(this.#running, (file) => this.#byTestFile.get(file)!.timeoutMs, LOAD_TIMEOUT_MS, GRACE_MS, event.at);
        return late ? this.#bench(this.#byTestFile.get(late.file)!.id) : [];
      }
      case 'warm-started':
        this.warm = event.labs.length ? 'on' : 'off';
        this.#files = new Map();
        this.#running = new Map();
        return [];
      case 'graded-alone':
        return this.#gradedAlone(event.lab, event.at);
      case 'touch-due':
        return (this.#generation.get(event.lab) ?? 0) === event.generation && this.savedAt.has(event.lab) ? [{ type: 'touch', lab: event.lab }] : [];
      case 'key':
        return this.#key(event.key);
    }
  }

  #check(ids: string[]): void {
    for (const [id, result] of this.#config.check(ids)) this.checks.set(id, result);
  }

  #startWarm(): WatchEffect {
    const labs = this.#config.labs.filter((lab) => !this.benched.has(lab.id) && this.checks.get(lab.id)?.exists).map((lab) => lab.id);
    this.warm = 'restarting';
    return { type: 'start-warm', labs };
  }

  #record(lab: GradedLab, at: number | undefined): WatchEffect[] {
    this.graded.set(lab.id, lab);
    const since = this.savedAt.get(lab.id);
    this.savedAt.delete(lab.id);
    const msSinceSave = since !== undefined && at !== undefined ? at - since : undefined;
    this.status = msSinceSave !== undefined ? `Regraded ${lab.id} in ${msSinceSave} ms.` : `Graded ${lab.id}.`;
    return [{ type: 'graded', lab, ...(msSinceSave !== undefined ? { msSinceSave } : {}) }, { type: 'render' }];
  }

  #progress(event: GraderEvent): WatchEffect[] {
    const lab = this.#byTestFile.get(event.file);
    if (!lab) return [];
    if (event.type === 'collect-start') {
      this.#files.set(event.file, { file: event.file, collected: [], results: new Map(), done: false });
      this.#generation.set(lab.id, (this.#generation.get(lab.id) ?? 0) + 1);
    }
    applyEvent(this.#running, event);
    return [];
  }

  #result(record: ResultRecord, at: number): WatchEffect[] {
    const file = record.type === 'refused' || record.type === 'note' ? this.#config.labs.find((l) => l.id === record.lab)?.testFile : 'file' in record ? record.file : undefined;
    const lab = file ? this.#byTestFile.get(file) : undefined;
    if (!lab || !file) return [];
    const state = this.#files.get(file);
    if (!state) return [];
    const wasDone = state.done;
    applyRecord(state, record, '');
    if (state.done) this.#running.delete(file);
    if (!state.done || wasDone) return [];
    return this.#record(this.#config.score(lab.id, state, this.checks.get(lab.id)), at);
  }

  #bench(id: string): WatchEffect[] {
    this.benched.add(id);
    this.#benchGrades.add(id);
    this.warm = 'restarting';
    this.status = `A test in ${id} did not finish; grading it on its own…`;
    return [{ type: 'kill-warm' }, { type: 'render' }, { type: 'grade-alone', lab: id }];
  }

  #saved(id: string, at: number): WatchEffect[] {
    this.current = id;
    this.savedAt.set(id, at);
    this.#check([id]);
    if (this.benched.has(id) || this.warm === 'off') return [{ type: 'grade-alone', lab: id }];
    // Vitest reruns the tests that import the saved file. If the file did not load last time, Vitest
    // may not know it is imported: touching the test file makes sure the lab is rerun.
    return [{ type: 'touch-later', lab: id, afterMs: TOUCH_AFTER_MS, generation: this.#generation.get(id) ?? 0 }];
  }

  #gradedAlone(lab: GradedLab, at: number): WatchEffect[] {
    const effects = this.#record(lab, at);
    // The grade a hang asked for: bring the warm process back, without the benched lab.
    if (this.#benchGrades.delete(lab.id)) return [...effects, this.#startWarm()];
    // A save of a benched lab that no longer hangs: it rejoins the warm process.
    if (this.benched.has(lab.id) && !stillHangs(lab)) {
      this.benched.delete(lab.id);
      return [...effects, this.#startWarm()];
    }
    return effects;
  }

  #key(key: string): WatchEffect[] {
    if (key === 'q' || key === '\u0003') return [{ type: 'stop' }];
    if (key !== 'h') return [];
    const lab = this.graded.get(this.current);
    const next = lab?.tests.find((t) => t.status !== 'passed');
    return [...(lab && next && !lab.diagnosis ? [{ type: 'open-hint' as const, lab: lab.id, test: next.name }] : []), { type: 'render' }];
  }
}
