/**
 * npm run bench:grader — how fast grading is, against bare Vitest on the same files:
 *   1. one lab from cold:   `npm run grade -- <lab> --json`  vs  `npx vitest run labs/<lab>`
 *   2. the whole course:    `npm run grade -- --json`        vs  `npx vitest run --project labs`
 *   3. a watch regrade:     save → report in `npm run grade -- --watch`  vs  save → results in bare `vitest watch`
 * Each figure is the median of several runs; the ratio is grader ÷ baseline. Targets on the 2-core
 * machine: one lab under 2 s, the course under 6 s, a watch regrade under 0.5 s. A script that prints
 * figures, not a timed test: run it on a quiet machine.
 *
 * It also prints the floor under the one-lab figure: what npm takes to start any script (`npm run env`,
 * which runs nothing of the course) plus Vitest alone on the lab's file (`node …/vitest.mjs run`, no
 * npx), the least a grading that starts Vitest can take when a student types `npm run grade`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLabs } from '../../src/labs/catalog';
import { killTree, ResultsReader, spawnLabsVitest } from '../../src/grader/run-tests';
import { watch } from '../../src/grader/watch';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const labsDir = join(root, 'labs');
const labs = loadLabs(labsDir);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, NO_COLOR: '1', CI: '' };
const staticCache = join(root, 'node_modules', '.cache', 'queues-and-caches', 'static-checks.json');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timeCommand(command: string, args: string[], before?: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const start = performance.now();
    const run = spawnSync(command, args, { cwd: root, env, stdio: 'ignore', shell: process.platform === 'win32' });
    times.push(performance.now() - start);
    if (run.error) throw run.error;
  }
  return median(times);
}

/** Save → results through the grader's watch mode, per save, after a warm-up. */
async function watchRegrade(): Promise<number> {
  const lab = labs[0]!;
  const original = readFileSync(lab.studentFile, 'utf8');
  const times: number[] = [];
  let stop!: () => void;
  const until = new Promise<void>((r) => (stop = r));
  let ready = false;
  let last: number | undefined;
  const watching = watch({ root, labsDir, labs: [lab], course: { name: 'bench', version: '0' }, quiet: true, until, onGraded: (_l, ms) => {
    if (ms === undefined) ready = true;
    else last = ms;
  } });
  try {
    while (!ready) await sleep(20);
    for (let i = 0; i < runs + 1; i++) {
      last = undefined;
      writeFileSync(lab.studentFile, `${original}\n// bench save ${i}\n`);
      const start = Date.now();
      while (last === undefined && Date.now() - start < 10_000) await sleep(5);
      if (i > 0 && last !== undefined) times.push(last); // the first save warms the watcher up
      await sleep(300);
    }
  } finally {
    writeFileSync(lab.studentFile, original);
    stop();
    await watching;
  }
  return median(times);
}

/** Save → last test result through bare `vitest watch` (the labs project, no grader around it). */
async function bareWatchRegrade(): Promise<number> {
  const lab = labs[0]!;
  const original = readFileSync(lab.studentFile, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'qc-bench-'));
  const eventsFile = join(dir, 'events.ndjson');
  const resultsFile = join(dir, 'results.ndjson');
  writeFileSync(eventsFile, '');
  writeFileSync(resultsFile, '');
  const { child } = spawnLabsVitest({ root, labsDir, files: [lab.testFile], target: 'student', eventsFile, resultsFile, tmp: join(dir, 'tmp'), testTimeoutMs: lab.timeoutMs, watch: true });
  const reader = new ResultsReader(resultsFile);
  const until = async (type: string) => {
    const start = Date.now();
    while (Date.now() - start < 10_000) {
      if (reader.read().some((r) => r.type === type)) return Date.now();
      await sleep(5);
    }
    throw new Error(`bare vitest watch: no ${type} event within 10 s`);
  };
  const times: number[] = [];
  try {
    await until('module-end');
    for (let i = 0; i < runs + 1; i++) {
      writeFileSync(lab.studentFile, `${original}\n// bench save ${i}\n`);
      const start = Date.now();
      const end = await until('module-end');
      if (i > 0) times.push(end - start);
      await sleep(300);
    }
  } finally {
    writeFileSync(lab.studentFile, original);
    killTree(child);
    rmSync(dir, { recursive: true, force: true });
  }
  return median(times);
}

function line(label: string, grader: number, baseline: number, target: number): string {
  const ok = grader < target ? 'meets' : 'MISSES';
  return `${label.padEnd(28)} grader ${(grader / 1000).toFixed(2)} s   bare vitest ${(baseline / 1000).toFixed(2)} s   ratio ${(grader / baseline).toFixed(2)}   target < ${target / 1000} s: ${ok}`;
}

async function main(): Promise<void> {
  const lab = labs[0]!.id;
  process.stdout.write(`Node ${process.versions.node}, ${cpus().length} cores, ${labs.length} labs, median of ${runs} runs\n`);
  const oneLab = timeCommand(npm, ['run', '--silent', 'grade', '--', lab, '--json']);
  const oneLabBare = timeCommand(npx, ['vitest', 'run', `labs/${lab}`]);
  process.stdout.write(`${line(`one lab, cold (${lab})`, oneLab, oneLabBare, 2000)}\n`);
  const npmAlone = timeCommand(npm, ['run', '--silent', 'env']);
  const vitestAlone = timeCommand(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', `labs/${lab}`]);
  process.stdout.write(
    `  floor: npm starting a script ${(npmAlone / 1000).toFixed(2)} s + Vitest alone on the file ${(vitestAlone / 1000).toFixed(2)} s = ${((npmAlone + vitestAlone) / 1000).toFixed(2)} s\n`,
  );
  // The static checks of a lab are remembered until its files change (src/grader/static-checks.ts):
  // the first grading after an edit checks it again, as here.
  const edited = timeCommand(npm, ['run', '--silent', 'grade', '--', lab, '--json'], () => rmSync(staticCache, { force: true }));
  process.stdout.write(`${line('  the same, after an edit', edited, oneLabBare, 2000)}\n`);
  const course = timeCommand(npm, ['run', '--silent', 'grade', '--', '--json']);
  const courseBare = timeCommand(npx, ['vitest', 'run', '--project', 'labs']);
  process.stdout.write(`${line(`whole course (${labs.length} labs)`, course, courseBare, 6000)}\n`);
  const regrade = await watchRegrade();
  const regradeBare = await bareWatchRegrade();
  process.stdout.write(`${line('watch regrade after a save', regrade, regradeBare, 500)}\n`);
}

await main();
