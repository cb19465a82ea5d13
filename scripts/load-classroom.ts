/**
 * npm run load:classroom [-- --students 300 --interval 10 --duration 120]
 * A load test of the classroom dashboard, on this machine only: starts the dashboard (the real
 * program, on 127.0.0.1, with a fresh data folder), lets simulated students submit realistic grade
 * reports — every `interval` seconds each, starting at random moments of the first interval — for
 * `duration` seconds, with one instructor page following the live events, then stops and compares
 * what was acknowledged with what is in the database. Prints throughput, latency percentiles, errors
 * and reports lost (which must be 0). Bounded: at most 1000 students, 600 s, and 127.0.0.1 only.
 * Not part of `npm test`; the figures are in docs/workshop.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SUBMIT_PATH } from '../src/dashboard/protocol';
import { DATABASE_FILE } from '../src/dashboard/store';
import { reportSchema, type Report } from '../src/grader/report';
import { loadLabs, type Lab } from '../src/labs/catalog';
import { createRng } from '../src/models/common/rng';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '300' },
    interval: { type: 'string', default: '10' },
    duration: { type: 'string', default: '120' },
    seed: { type: 'string', default: '14' },
  },
});
const students = Number(values.students);
const intervalS = Number(values.interval);
const durationS = Number(values.duration);
if (!(Number.isInteger(students) && students >= 1 && students <= 1000)) throw new Error('--students must be 1 to 1000');
if (!(intervalS >= 1 && intervalS <= 60)) throw new Error('--interval must be 1 to 60 seconds');
if (!(durationS >= 5 && durationS <= 600)) throw new Error('--duration must be 5 to 600 seconds');

const labs = loadLabs(join(root, 'labs'));
const course = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const rng = createRng(Number(values.seed));

/** A report like the grader's for one lab: the first `passed` tests pass, the next fails with a message, the rest are not started. */
function reportFor(lab: Lab, passed: number, gradedAt: Date): Report {
  const tests = lab.tests.map((test, i) => {
    if (i < passed) return { name: test.name, status: 'passed' as const, points: test.points, max: test.points };
    const message = i === passed ? `expected ${i + 1}, but got ${i} (at labs/${lab.id}/${lab.id}.ts:${10 + i}:5)` : `not started yet: the function still throws "not implemented: f${i}"`;
    return { name: test.name, status: 'failed' as const, points: 0, max: test.points, message };
  });
  const score = tests.reduce((s, t) => s + t.points, 0);
  const max = tests.reduce((s, t) => s + t.max, 0);
  return reportSchema.parse({
    version: 2,
    course: { name: course.name, version: course.version },
    gradedAt: gradedAt.toISOString(),
    durationMs: 1400,
    integrity: { verdict: 'intact', changed: [], manifestSha256: 'e'.repeat(64) },
    valid: true,
    invalid: [],
    score,
    max,
    labs: [{ id: lab.id, score, max, studentFile: { path: `labs/${lab.id}/${lab.id}.ts`, sha256: 'f'.repeat(64) }, valid: true, tests }],
  });
}

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'qc-load-'));
  const secret = 'load-test-secret-0123';
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/dashboard/main.ts', '--host', '127.0.0.1', '--port', '0', '--data', data, '--code', 'LOAD-TEST', '--secret', secret], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Instructor page:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) {
        server.stdout!.off('data', onData);
        server.stdout!.resume(); // keep draining its per-submission lines
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`the dashboard exited (${code}): ${out}`)));
  });

  // The instructor's page, live.
  let events = 0;
  let eventBytes = 0;
  const page = new AbortController();
  const sse = fetch(`${base}/events`, { headers: { authorization: `Bearer ${secret}` }, signal: page.signal }).then(async (response) => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      events += (value.match(/^event: room$/gm) ?? []).length;
      eventBytes += Buffer.byteLength(value);
    }
  }).catch(() => {});

  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const acknowledged = new Set<string>();
  let sent = 0;
  let bytes = 0;
  const started = performance.now();
  const endAt = started + durationS * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

  const student = async (s: number): Promise<void> => {
    const key = (s + 1).toString(16).padStart(4, '0').repeat(16);
    let progress = 0;
    let next = started + rng.next() * intervalS * 1000;
    for (let n = 0; ; n++) {
      await sleep(next - performance.now());
      if (performance.now() >= endAt) return;
      const lab = labs[Math.min(labs.length - 1, Math.floor(progress / 8))]!;
      progress += rng.next() < 0.6 ? 1 : 0;
      const id = `00000000-0000-4000-8000-${String(s).padStart(6, '0')}${String(n).padStart(6, '0')}`;
      const body = JSON.stringify({ code: 'LOAD-TEST', name: `Student ${String(s + 1).padStart(3, '0')}`, key, reports: [{ id, report: reportFor(lab, Math.min(lab.tests.length, progress % 8 * 3), new Date()) }] });
      bytes += body.length;
      sent++;
      const t0 = performance.now();
      try {
        const response = await fetch(`${base}${SUBMIT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status === 200) acknowledged.add(id);
        else errors.set(`HTTP ${response.status}`, (errors.get(`HTTP ${response.status}`) ?? 0) + 1);
      } catch (error) {
        const kind = (error as Error).name;
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
      }
      next += intervalS * 1000;
    }
  };
  await Promise.all(Array.from({ length: students }, (_, s) => student(s)));
  const elapsedS = (performance.now() - started) / 1000;
  await sleep(1500); // one more push to the page
  page.abort();
  await sse;

  const cpu = (() => {
    try {
      const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
      return { cpuS: ticks / 100, peakMb: peak ? Number(peak) / 1024 : undefined };
    } catch {
      return undefined;
    }
  })();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));

  const db = new Database(join(data, DATABASE_FILE), { readonly: true });
  const stored = new Set(db.prepare('SELECT report_id FROM reports').pluck().all() as string[]);
  db.close();
  rmSync(data, { recursive: true, force: true });
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;

  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const rows = [
    ['Students', `${students}, each submitting every ${intervalS} s for ${durationS} s (one instructor page open)`],
    ['Submissions sent', `${sent} (${(bytes / sent / 1024).toFixed(1)} KiB each on average)`],
    ['Acknowledged (200)', String(acknowledged.size)],
    ['Throughput', `${(acknowledged.size / elapsedS).toFixed(1)} reports/s over ${elapsedS.toFixed(1)} s`],
    ['Latency p50 / p90 / p99 / max', `${ms(pct(50))} / ${ms(pct(90))} / ${ms(pct(99))} / ${ms(sorted.at(-1) ?? NaN)}`],
    ['Errors', errors.size ? [...errors].map(([k, v]) => `${k}: ${v}`).join(', ') : '0'],
    ['Reports lost (acknowledged, not in the database)', String(lost)],
    ['Reports in the database', String(stored.size)],
    ['Live updates received by the page', `${events} (${(eventBytes / Math.max(1, events) / 1024).toFixed(0)} KiB each on average)`],
    ...(cpu ? [['Dashboard process', `${cpu.cpuS.toFixed(1)} s of CPU (${((100 * cpu.cpuS) / elapsedS).toFixed(0)} % of one core), peak memory ${cpu.peakMb?.toFixed(0)} MB`]] : []),
  ];
  process.stdout.write(`| What | Measured |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n`);
  process.exitCode = lost || errors.size ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`load:classroom: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
