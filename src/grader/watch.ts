/**
 * npm run grade -- --watch: regrades the lab being edited on every save and shows the next failing
 * test, its message and its hint, under a progress bar across the course.
 *
 * Speed comes from a warm Vitest kept running in watch mode (src/grader/run-tests.ts starts it with
 * the grader's runner and reporter, so every verdict still comes from Vitest's main process); a save reruns only the
 * tests that import the saved file. What to do when is decided by the state machine in
 * watch-state.ts; this file holds its adapters: file watchers and the keyboard turn into events, and
 * the machine's effects start and kill processes, grade labs on their own and draw the screen.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync, watch as watchFile, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import pc from 'picocolors';
import type { Lab } from '../labs/catalog';
import { formatIntegrity, formatLab, formatProgress } from './format';
import { gradeLabs, gradeStudentLab, missingStudentFile, type GradedLab } from './grade';
import { HintState } from './hints';
import { lessonSection } from './lessons';
import { checkIntegrity } from './integrity';
import { LOAD_TIMEOUT_MS, POLL_MS } from './limits';
import { EventsReader, killTree, ResultsReader, spawnLabsVitest, type VitestChild } from './run-tests';
import { StaticChecker } from './static-checks';
import { WatchState, type CheckResult, type WatchEffect, type WatchEvent } from './watch-state';

export interface WatchOptions {
  root: string;
  labsDir: string;
  labs: Lab[];
  course: { name: string; version: string };
  /** Called after each regrade with the lab and how long it took from the save (for benchmarks). */
  onGraded?: (lab: GradedLab, msSinceSave: number | undefined) => void;
  /** Draw nothing (for benchmarks and tests). */
  quiet?: boolean;
  /** Resolves when watching should stop (default: never; q or Ctrl-C stops it). */
  until?: Promise<void>;
}


export async function watch(options: WatchOptions): Promise<void> {
  const { root, labsDir, labs } = options;
  const byId = new Map(labs.map((lab) => [lab.id, lab]));
  const checker = new StaticChecker(root);
  const hints = new HintState(root);
  const work = mkdtempSync(join(tmpdir(), 'qc-watch-'));

  const check = (ids: string[]): Map<string, CheckResult> => {
    const batch = ids.map((id) => byId.get(id)!);
    const found = checker.check(batch.filter((lab) => existsSync(lab.studentFile)));
    return new Map(
      batch.map((lab): [string, CheckResult] => {
        const exists = existsSync(lab.studentFile);
        const statics = found.get(lab.id) ?? [];
        const diagnosis = exists ? statics.find((d) => d.kind !== 'types')?.message : missingStudentFile(lab.id);
        const warnings = statics.filter((d) => d.kind === 'types').map((d) => d.message);
        return [lab.id, { exists, ...(diagnosis !== undefined ? { diagnosis } : {}), ...(warnings.length ? { warnings } : {}) }];
      }),
    );
  };
  const state = new WatchState({
    labs,
    check,
    score: (id, result, check) =>
      gradeStudentLab(
        byId.get(id)!,
        result,
        root,
        check?.exists === false ? missingStudentFile(id) : undefined,
        [
          ...(check?.diagnosis ? [{ kind: 'syntax' as const, message: check.diagnosis }] : []),
          ...(check?.warnings ?? []).map((message) => ({ kind: 'types' as const, message })),
        ],
      ),
  });

  const render = (): void => {
    if (options.quiet) return;
    const shown = state.graded.get(state.current);
    const integrity = checkIntegrity(root, labs, labsDir);
    const parts = [
      `${pc.bold('Queues & Caches')} ${pc.dim('— watching; save a file to regrade · h: next hint · q: quit')}`,
      ...(formatIntegrity(integrity) ? [formatIntegrity(integrity)!] : []),
      state.graded.size
        ? formatProgress(labs.map((lab) => state.graded.get(lab.id)).filter((l): l is GradedLab => !!l))
        : `${pc.bold('Total:')} grading ${labs.length === 1 ? labs[0]!.id : `${labs.length} labs`}…`,
      shown ? formatLab(shown, { hintSteps: (lab, test) => hints.opened(lab, test), lessonSection: (lesson, section) => lessonSection(root, lesson, section), listTests: false }) : '',
      pc.dim(state.status),
    ];
    if (process.stdout.isTTY) process.stdout.write('\u001b[2J\u001b[H');
    process.stdout.write(`${parts.filter(Boolean).join('\n\n')}\n`);
  };

  let warm: VitestChild | undefined;
  let reader: EventsReader | undefined;
  let results: ResultsReader | undefined;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });

  const dispatch = (event: WatchEvent): void => state.dispatch(event).forEach(perform);

  function perform(effect: WatchEffect): void {
    switch (effect.type) {
      case 'render':
        render();
        break;
      case 'graded':
        options.onGraded?.(effect.lab, effect.msSinceSave);
        break;
      case 'kill-warm':
        if (warm) killTree(warm.child);
        warm = undefined;
        reader = undefined;
        results = undefined;
        break;
      case 'start-warm': {
        if (warm) killTree(warm.child);
        warm = undefined;
        reader = undefined;
        results = undefined;
        const files = effect.labs.map((id) => byId.get(id)!);
        if (files.length) {
          const stamp = Date.now();
          const eventsFile = join(work, `events-${stamp}.ndjson`);
          const resultsFile = join(work, `results-${stamp}.ndjson`);
          writeFileSync(eventsFile, '');
          writeFileSync(resultsFile, '');
          reader = new EventsReader(eventsFile);
          results = new ResultsReader(resultsFile);
          warm = spawnLabsVitest({
            root,
            labsDir,
            files: files.map((lab) => lab.testFile),
            target: 'student',
            eventsFile,
            resultsFile,
            tmp: join(work, 'tmp'),
            testTimeoutMs: Math.max(...labs.map((lab) => lab.timeoutMs)),
            watch: true,
          });
        }
        dispatch({ type: 'warm-started', labs: effect.labs });
        break;
      }
      case 'grade-alone': {
        const lab = byId.get(effect.lab)!;
        void gradeLabs([lab], { root, labsDir, checker, loadTimeoutMs: LOAD_TIMEOUT_MS }).then(([graded]) =>
          dispatch({ type: 'graded-alone', lab: graded!, at: Date.now() }),
        );
        break;
      }
      case 'touch-later':
        setTimeout(() => dispatch({ type: 'touch-due', lab: effect.lab, generation: effect.generation }), effect.afterMs);
        break;
      case 'touch': {
        const now = new Date();
        utimesSync(byId.get(effect.lab)!.testFile, now, now);
        break;
      }
      case 'open-hint':
        hints.openNext(effect.lab, effect.test);
        break;
      case 'stop':
        stop();
        break;
    }
  }

  const timer = setInterval(() => {
    if (reader) for (const event of reader.read()) dispatch({ type: 'progress', event });
    if (results) for (const record of results.read()) dispatch({ type: 'result', record, at: Date.now() });
    dispatch({ type: 'tick', at: Date.now() });
  }, POLL_MS);

  const watchers: FSWatcher[] = [];
  const debounce = new Map<string, NodeJS.Timeout>();
  for (const lab of labs) {
    watchers.push(
      watchFile(lab.dir, (_event, name) => {
        if (name !== basename(lab.studentFile)) return;
        clearTimeout(debounce.get(lab.id));
        debounce.set(lab.id, setTimeout(() => dispatch({ type: 'saved', lab: lab.id, at: Date.now() }), 30));
      }),
    );
  }

  state.start().forEach(perform);

  const onKey = (key: Buffer): void => dispatch({ type: 'key', key: key.toString() });
  if (process.stdin.isTTY && !options.quiet) {
    process.stdin.setRawMode(true);
    process.stdin.on('data', onKey);
  }
  process.once('SIGINT', stop);
  await Promise.race([stopped, options.until ?? new Promise<void>(() => {})]);

  clearInterval(timer);
  for (const w of watchers) w.close();
  for (const t of debounce.values()) clearTimeout(t);
  if (warm) killTree(warm.child);
  if (process.stdin.isTTY && !options.quiet) {
    process.stdin.setRawMode(false);
    process.stdin.off('data', onKey);
    process.stdin.pause();
  }
  process.off('SIGINT', stop);
  rmSync(work, { recursive: true, force: true });
  if (!options.quiet) process.stdout.write(`${relative(root, labsDir) || '.'}: stopped watching.\n`);
}
