/**
 * Acknowledged means kept: a dashboard killed with SIGKILL while students are submitting comes back,
 * on the same data folder, with every report it had answered 200 to — and its join code and secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { SUBMIT_PATH } from '../../../src/dashboard/protocol';
import { DATABASE_FILE } from '../../../src/dashboard/store';
import { tempDir } from './fixtures';
import { reportSchema } from '../../../src/grader/report';

const root = join(import.meta.dirname, '..', '..', '..');
const children: ChildProcess[] = [];
let data: string;

/** Starts `npm run classroom`'s program on a free port and returns its address once it listens. */
async function startDashboard(extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/dashboard/main.ts', '--port', '0', '--host', '127.0.0.1', '--data', data, ...extra], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Instructor page:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the dashboard exited (${code}) before listening:\n${out}`)));
  });
  return { child, url };
}

function aReport(student: number, n: number) {
  return reportSchema.parse({
    version: 2,
    course: { name: 'queues-and-caches', version: '0.1.0' },
    gradedAt: new Date(Date.UTC(2026, 10, 30, 10, 0, n)).toISOString(),
    durationMs: 1000,
    integrity: { verdict: 'intact', changed: [], manifestSha256: 'c'.repeat(64) },
    valid: true,
    invalid: [],
    score: n,
    max: 36,
    labs: [{ id: 'littles-law', score: n, max: 36, studentFile: { path: 'labs/littles-law/littles-law.ts', sha256: 'd'.repeat(64) }, valid: true, tests: [] }],
  });
}

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.length = 0;
  rmSync(data, { recursive: true, force: true });
});

it('keeps every acknowledged report through kill -9 and a restart', async () => {
  data = tempDir('qc-durable-');
  const { child, url } = await startDashboard(['--code', 'DURA-BLE1', '--secret', 'durability-secret']);
  const acknowledged = new Set<string>();
  let killed = false;
  const killedAt = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  // 30 students, each sending 6 reports one after another, all at once; SIGKILL after the 60th answer.
  const students = Array.from({ length: 30 }, (_, s) => (async () => {
    for (let n = 0; n < 6 && !killed; n++) {
      const id = `00000000-0000-4000-8000-${String(s * 100 + n).padStart(12, '0')}`;
      const body = JSON.stringify({ code: 'DURA-BLE1', name: `Student ${s}`, key: s.toString(16).padStart(2, '0').repeat(32), reports: [{ id, report: aReport(s, n) }] });
      try {
        const response = await fetch(`${url}${SUBMIT_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (response.status === 200) {
          acknowledged.add(id);
          if (acknowledged.size === 60 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      } catch {
        return; // the server is gone: what was not acknowledged may be lost, and the student keeps it
      }
    }
  })());
  await Promise.all(students);
  await killedAt;
  expect(child.signalCode, 'the dashboard was killed with SIGKILL').toBe('SIGKILL');
  expect(acknowledged.size).toBeGreaterThanOrEqual(60);

  // Straight from the file, before anything could repair it: every acknowledged report is there.
  const db = new Database(join(data, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const stored = new Set(db.prepare('SELECT report_id FROM reports').pluck().all() as string[]);
  db.close();
  expect([...acknowledged].filter((id) => !stored.has(id)), 'acknowledged reports missing after kill -9').toEqual([]);

  // And the restarted dashboard serves them, with the same join code and secret (not given again).
  const again = await startDashboard();
  const csv = await (await fetch(`${again.url}/gradebook.csv`, { headers: { authorization: 'Bearer durability-secret' } })).text();
  const reportsPerStudent = csv.trim().split('\r\n').slice(1).reduce((sum, row) => sum + Number(row.split(',').pop()), 0);
  expect(reportsPerStudent).toBe(stored.size);
  const late = await fetch(`${again.url}${SUBMIT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'dura-ble1', name: 'Late', key: 'ee'.repeat(32), reports: [{ id: '00000000-0000-4000-8000-999999999999', report: aReport(99, 1) }] }),
  });
  expect(late.status).toBe(200);
}, 60_000);
