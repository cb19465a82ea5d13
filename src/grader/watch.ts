/**
 * npm run grade -- --watch: regrades the lab being edited on every save and shows the next failing
 * test, its message and its hint, under a progress bar across the course.
 *
 * Speed comes from a warm Vitest kept running in watch mode (src/grader/run-tests.ts starts it with
 * the grader's runner, so every test still reports through the events file); a save reruns only the
 * tests that import the saved file. A test that hangs is handled like a one-off run: the warm process
 * is killed, the lab is graded by the round-based runner (which records the timeout and runs the rest),
 * and the warm process comes back without that lab until its file is saved again.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync, watch as watchFile, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import pc from 'picocolors';
import type { Lab } from '../labs/catalog';
import { formatIntegrity, formatLab, formatProgress } from './format';
import { gradeLabs, gradeStudentLab, missingStudentFile, type GradedLab } from './grade';
import { HintState } from './hints';
import { checkIntegrity } from './integrity';
import { GRACE_MS, LOAD_TIMEOUT_MS, POLL_MS } from './limits';
import { applyEvent, EventsReader, killTree, overdue, spawnLabsVitest, type FileState, type Running, type VitestChild } from './run-tests';
import { StaticChecker } from './static-checks';

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
  const byTestFile = new Map(labs.map((lab) => [lab.testFile, lab]));
  const checker = new StaticChecker(root);
  const hints = new HintState(root);
  const graded = new Map<string, GradedLab>();
  const statics = new Map<string, string | undefined>();
  const savedAt = new Map<string, number>();
  /** Labs taken out of the warm process because a test hung; graded one-off until saved and fixed. */
  const benched = new Set<string>();
  let current: string = labs[0]!.id;
  let status = 'Grading…';
  const work = mkdtempSync(join(tmpdir(), 'qc-watch-'));

  const runStatic = (batch: Lab[]): void => {
    const found = checker.check(batch.filter((lab) => existsSync(lab.studentFile)));
    for (const lab of batch) {
      statics.set(lab.id, existsSync(lab.studentFile) ? found.get(lab.id)?.message : missingStudentFile(lab.id));
    }
  };

  const render = (): void => {
    if (options.quiet) return;
    const shown = graded.get(current);
    const integrity = checkIntegrity(root, labs, labsDir);
    const parts = [
      `${pc.bold('Queues & Caches')} ${pc.dim('— watching; save a file to regrade · h: next hint · q: quit')}`,
      ...(formatIntegrity(integrity) ? [formatIntegrity(integrity)!] : []),
      formatProgress(labs.map((lab) => graded.get(lab.id)).filter((l): l is GradedLab => !!l)),
      shown ? formatLab(shown, { hintSteps: (lab, test) => hints.opened(lab, test), listTests: false }) : '',
      pc.dim(status),
    ];
    if (process.stdout.isTTY) process.stdout.write('\u001b[2J\u001b[H');
    process.stdout.write(`${parts.filter(Boolean).join('\n\n')}\n`);
  };

  const record = (lab: GradedLab): void => {
    graded.set(lab.id, lab);
    const since = savedAt.get(lab.id);
    savedAt.delete(lab.id);
    status = since !== undefined ? `Regraded ${lab.id} in ${Date.now() - since} ms.` : `Graded ${lab.id}.`;
    options.onGraded?.(lab, since === undefined ? undefined : Date.now() - since);
    render();
  };

  // One-off grading, for the first pass of a benched lab and for every save while it stays benched.
  const gradeOneOff = async (lab: Lab): Promise<GradedLab> => {
    const [result] = await gradeLabs([lab], { root, labsDir, checker, loadTimeoutMs: LOAD_TIMEOUT_MS });
    return result!;
  };

  let warm: VitestChild | undefined;
  let reader: EventsReader | undefined;
  let fileStates = new Map<string, FileState>();
  let running: Running = new Map();
  let restarting = false;

  const startWarm = (): void => {
    const files = labs.filter((lab) => !benched.has(lab.id) && existsSync(lab.studentFile)).map((lab) => lab.testFile);
    warm = undefined;
    if (!files.length) return;
    const eventsFile = join(work, `events-${Date.now()}.ndjson`);
    writeFileSync(eventsFile, '');
    reader = new EventsReader(eventsFile);
    fileStates = new Map();
    running = new Map();
    warm = spawnLabsVitest({
      root,
      labsDir,
      files,
      target: 'student',
      eventsFile,
      testTimeoutMs: Math.max(...labs.map((lab) => lab.timeoutMs)),
      watch: true,
    });
  };

  const onEvent = (lab: Lab, event: Parameters<typeof applyEvent>[2]): void => {
    if (event.type === 'collect-start') fileStates.set(lab.testFile, { file: lab.testFile, collected: [], results: new Map(), done: false });
    const state = fileStates.get(lab.testFile);
    if (!state) return;
    const wasDone = state.done;
    applyEvent(state, running, event);
    if (state.done && !wasDone) record(gradeStudentLab(lab, state, root, statics.get(lab.id)));
  };

  const bench = async (lab: Lab): Promise<void> => {
    restarting = true;
    if (warm) killTree(warm.child);
    benched.add(lab.id);
    status = `A test in ${lab.id} did not finish; grading it on its own…`;
    render();
    record(await gradeOneOff(lab));
    startWarm();
    restarting = false;
  };

  const timer = setInterval(() => {
    if (!warm || !reader || restarting) return;
    for (const event of reader.read()) {
      const lab = byTestFile.get(event.file);
      if (lab) onEvent(lab, event);
    }
    const late = overdue(running, (file) => byTestFile.get(file)!.timeoutMs, LOAD_TIMEOUT_MS, GRACE_MS, Date.now());
    if (late) void bench(byTestFile.get(late.file)!);
  }, POLL_MS);

  const onSave = async (lab: Lab): Promise<void> => {
    current = lab.id;
    savedAt.set(lab.id, Date.now());
    runStatic([lab]);
    if (benched.has(lab.id) || !warm) {
      const result = await gradeOneOff(lab);
      record(result);
      if (benched.has(lab.id) && !result.tests.some((t) => t.status === 'timeout') && !result.diagnosis?.includes('never finished loading')) {
        benched.delete(lab.id);
        restarting = true;
        if (warm) killTree(warm.child);
        startWarm();
        restarting = false;
      }
      return;
    }
    // Vitest reruns the tests that import the saved file. If the file did not load last time, Vitest may
    // not know it is imported: touching the test file makes sure the lab is rerun.
    const before = fileStates.get(lab.testFile);
    setTimeout(() => {
      if (fileStates.get(lab.testFile) === before && savedAt.has(lab.id)) {
        const now = new Date();
        utimesSync(lab.testFile, now, now);
      }
    }, 400);
  };

  const watchers: FSWatcher[] = [];
  const debounce = new Map<string, NodeJS.Timeout>();
  for (const lab of labs) {
    watchers.push(
      watchFile(lab.dir, (_event, name) => {
        if (name !== basename(lab.studentFile)) return;
        clearTimeout(debounce.get(lab.id));
        debounce.set(lab.id, setTimeout(() => void onSave(lab), 30));
      }),
    );
  }

  runStatic(labs);
  startWarm();
  for (const lab of labs.filter((l) => !existsSync(l.studentFile))) record(gradeStudentLab(lab, undefined, root, statics.get(lab.id)));
  render();

  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const onKey = (key: Buffer): void => {
    const text = key.toString();
    if (text === 'q' || text === '\u0003') stop();
    if (text === 'h') {
      const lab = graded.get(current);
      const next = lab?.tests.find((t) => t.status !== 'passed');
      if (lab && next && !lab.diagnosis) hints.openNext(lab.id, next.name);
      render();
    }
  };
  if (process.stdin.isTTY && !options.quiet) {
    process.stdin.setRawMode(true);
    process.stdin.on('data', onKey);
  }
  process.once('SIGINT', stop);
  await Promise.race([stopped, options.until ?? new Promise<void>(() => {})]);

  clearInterval(timer);
  for (const w of watchers) w.close();
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
