/**
 * `npm run grade -- --submit`: the report goes through an outbox on the laptop, survives a network
 * that is down, is sent with the next successful submit (oldest first, once), and carries the grade
 * report only — never the student's code.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submissionSchema } from '../../../src/dashboard/protocol';
import { Room } from '../../../src/dashboard/room';
import { createDashboard } from '../../../src/dashboard/server';
import { Store } from '../../../src/dashboard/store';
import { batches, dashboardUrl, submit, submitFlagsProblem } from '../../../src/grader/submit';
import { reportSchema } from '../../../src/grader/report';
import { COURSE, labs, report, tempDir } from './fixtures';

const root = join(import.meta.dirname, '..', '..', '..');
const CODE = 'K7QF-M2XD';
let laptop: string;
let data: string;
let store: Store;
let app: FastifyInstance;
let address: string;

beforeEach(async () => {
  laptop = tempDir('qc-laptop-');
  data = tempDir('qc-room-');
  store = new Store(data);
  app = await createDashboard({ store, labs, course: COURSE, joinCode: CODE, secret: 'instructor-secret', joinCommand: '' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  address = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterEach(async () => {
  await app.close();
  store.close();
  rmSync(laptop, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

const outbox = () => (existsSync(join(laptop, '.qc', 'outbox')) ? readdirSync(join(laptop, '.qc', 'outbox')) : []);

describe('submit', () => {
  it('keeps the report on the laptop when the dashboard cannot be reached, and sends everything with the next successful submit, oldest first', async () => {
    const closed = '127.0.0.1:9'; // the discard port: nothing listens there
    const first = await submit({ root: laptop, address: closed, code: CODE, name: 'Ana', report: report({ alpha: 'fn' }, '2026-11-30T10:00:00.000Z'), timeoutMs: 2000 });
    expect(first).toMatchObject({ status: 'kept', sent: 0, pending: 1 });
    expect(first.message).toMatch(/Could not reach the classroom dashboard.*kept on this laptop \(1 waiting\).*next --submit/);
    const second = await submit({ root: laptop, address: closed, code: CODE, name: 'Ana', report: report({ alpha: 'pn' }, '2026-11-30T10:01:00.000Z'), timeoutMs: 2000 });
    expect(second).toMatchObject({ status: 'kept', pending: 2 });
    expect(outbox()).toHaveLength(2);

    const third = await submit({ root: laptop, address, code: CODE, name: 'Ana', report: report({ alpha: 'pp' }, '2026-11-30T10:02:00.000Z') });
    expect(third).toMatchObject({ status: 'sent', sent: 3, pending: 0 });
    expect(third.message).toMatch(/with 2 report\(s\) kept from before/);
    expect(outbox()).toEqual([]);
    const stored = [...store.reports()].map((r) => r.report.gradedAt);
    expect(stored).toEqual(['2026-11-30T10:00:00.000Z', '2026-11-30T10:01:00.000Z', '2026-11-30T10:02:00.000Z']);
  });

  it('keeps the report when the dashboard refuses the join code, and says what the dashboard said', async () => {
    const outcome = await submit({ root: laptop, address, code: 'WRONG-CODE', name: 'Ana', report: report({ alpha: 'pp' }) });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/join code is not this room’s.*kept on this laptop \(1 waiting\)/);
    expect(store.count()).toBe(0);
    expect((await submit({ root: laptop, address, code: CODE, name: 'Ana', report: report({ beta: 'p' }) })).sent).toBe(2);
  });

  it('uses one key per laptop, so the same name from another laptop is refused', async () => {
    await submit({ root: laptop, address, code: CODE, name: 'Ana', report: report({ alpha: 'pp' }) });
    const other = tempDir('qc-laptop-');
    try {
      const outcome = await submit({ root: other, address, code: CODE, name: 'ana', report: report({ alpha: 'ff' }) });
      expect(outcome.status).toBe('refused');
      expect(outcome.message).toMatch(/already used by another laptop/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('packs waiting reports into requests of at most 10 and under the size limit', () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ i, bytes: 100 }));
    expect(batches(items).map((b) => b.length)).toEqual([10, 10, 3]);
    expect(batches(items, 250).map((b) => b.length)).toEqual(Array(12).fill(2).slice(0, 11).concat([1]));
  });

  it('reads addresses as students type them, and checks the flags together', () => {
    expect(dashboardUrl('192.168.1.20:4800').href).toBe('http://192.168.1.20:4800/api/submissions');
    expect(dashboardUrl('http://room.local:4800/').href).toBe('http://room.local:4800/api/submissions');
    expect(submitFlagsProblem({})).toBeUndefined();
    expect(submitFlagsProblem({ submit: 'x:1', name: 'Ana' })).toMatch(/--code/);
    expect(submitFlagsProblem({ submit: 'x:1', code: 'C' })).toMatch(/--name/);
    expect(submitFlagsProblem({ submit: 'x:1', code: 'C', name: ' ' })).toMatch(/empty/);
    expect(submitFlagsProblem({ submit: 'x:1', code: 'C', name: 'Ana', watch: true })).toMatch(/without --watch/);
    expect(submitFlagsProblem({ submit: 'ftp://x', code: 'C', name: 'Ana' })).toMatch(/not an address/);
  });
});

describe('npm run grade -- --submit', () => {
  let capture: Server;
  const bodies: string[] = [];

  beforeEach(async () => {
    // A stand-in dashboard that records exactly what the grader sends.
    capture = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ student: 'Ana', stored: 1, duplicates: 0 }));
      });
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => new Promise<void>((resolve) => capture.close(() => resolve())));

  it('grades, then sends the grade report (v2, with its validity) and nothing of the code; the room shows a refused shortcut as invalid', async () => {
    const port = (capture.address() as { port: number }).port;
    const labsDir = join(root, 'tests', 'grader', 'fixtures', 'labs');
    // Not spawnSync: the stand-in dashboard above runs in this process and must answer meanwhile.
    const result = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/grader/cli.ts', 'passing', 'refuses-meta', '--labs-dir', labsDir, '--submit', `http://127.0.0.1:${port}`, '--code', CODE, '--name', 'Ana'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, QC_CLASSROOM_DIR: join(laptop, '.qc'), NO_COLOR: '1' }, timeout: 60_000 },
    );
    expect(result.stderr).toContain(`✓ Submitted to http://127.0.0.1:${port} as Ana`);
    expect(bodies).toHaveLength(1);
    const body = JSON.parse(bodies[0]!);
    const parsed = submissionSchema.parse(body);
    expect(Object.keys(body).sort()).toEqual(['code', 'key', 'name', 'reports']);
    const sent = reportSchema.parse(parsed.reports[0]!.report);
    expect(sent.labs.map((l) => [l.id, l.score, l.valid])).toEqual([
      ['passing', 3, true],
      ['refuses-meta', 0, false],
    ]);
    expect(sent.valid).toBe(false);
    // What the instructor then sees: the honest lab's points, and the shortcut as invalid, without points.
    const room = new Room(sent.labs.map((l) => ({ id: l.id, title: l.id, lesson: 'x/y', tests: l.tests.map((t) => ({ name: t.name, points: t.max, hints: { question: '', idea: '', section: '' } })) })));
    room.add('Ana', sent, sent.gradedAt);
    const [ana] = room.view().students;
    expect(ana!.cells.map((c) => [c.lab, c.state, c.score])).toEqual([
      ['passing', 'done', 3],
      ['refuses-meta', 'invalid', 0],
    ]);
    expect(ana!.cells[1]!.invalid).toMatch(/^lab code may only import its own files; `\.\/\.meta\/solution`/);
    // The student's file, line by line: none of it is in what was sent.
    const code = readFileSync(join(labsDir, 'passing', 'passing.ts'), 'utf8');
    for (const line of code.split('\n').map((l) => l.trim()).filter((l) => l.length > 12)) expect(bodies[0]).not.toContain(line);
  }, 60_000);
});
