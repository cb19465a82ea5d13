/**
 * The dashboard's HTTP contract, request by request (Fastify's inject: no network), on a real SQLite
 * file: who may submit, what is validated and refused, that a refusal stores nothing, the instructor's
 * page, sign-in and gradebook behind the secret, and the live events.
 */
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SUBMIT_PATH } from '../../../src/dashboard/protocol';
import { createDashboard } from '../../../src/dashboard/server';
import { Store } from '../../../src/dashboard/store';
import { COURSE, keyA, keyB, labs, report, tempDir } from './fixtures';

const CODE = 'K7QF-M2XD';
const SECRET = 'a-long-instructor-secret';
let dir: string;
let store: Store;
let app: FastifyInstance;
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

async function start(extra: Partial<Parameters<typeof createDashboard>[0]> = {}) {
  app = await createDashboard({ store, labs, course: COURSE, joinCode: CODE, secret: SECRET, joinCommand: 'npm run grade -- --submit http://x --code K7QF-M2XD', pushIntervalMs: 20, ...extra });
}

const submission = (over: Record<string, unknown> = {}) => ({ code: CODE, name: 'Ana', key: keyA, reports: [{ id: id(), report: report({ alpha: 'pf' }) }], ...over });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: SUBMIT_PATH, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

beforeEach(async () => {
  dir = tempDir('qc-dashboard-');
  store = new Store(dir);
  await start();
});

afterEach(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('submissions', () => {
  it('stores a report sent with the join code, and says so', async () => {
    const response = await post(submission());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ student: 'Ana', stored: 1, duplicates: 0 });
    expect(store.count()).toBe(1);
  });

  it('reads the join code as people type it (case, spaces and dashes do not matter)', async () => {
    expect((await post(submission({ code: ' k7qf m2xd ' }))).statusCode).toBe(200);
  });

  it('refuses a wrong join code with a clear message, and stores nothing', async () => {
    const response = await post(submission({ code: 'WRONG-CODE' }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatch(/join code is not this room’s.*Nothing was stored/);
    expect(store.count()).toBe(0);
  });

  it('refuses a body that does not match the schema, saying where, and stores nothing', async () => {
    const withCode = submission();
    (withCode.reports as { report: Record<string, unknown> }[])[0]!.report.source = 'export function f() {}';
    const response = await post(withCode);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/^the submission is not valid \(reports\.0\.report: .*\); nothing was stored$/);
    expect((await post(submission({ key: 'short' }))).statusCode).toBe(400);
    expect((await post(submission({ name: '   ' }))).json().error).toMatch(/your name is empty/);
    expect((await post(submission({ reports: [] }))).statusCode).toBe(400);
    expect(store.count()).toBe(0);
  });

  it('refuses bodies over the size limit, and what is not JSON', async () => {
    const big = submission({ name: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await post(big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatch(/larger than/);
    expect((await post('{"code":', {})).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: SUBMIT_PATH, payload: 'code=x', headers: { 'content-type': 'text/plain' } })).statusCode).toBe(415);
    expect(store.count()).toBe(0);
  });

  it('refuses a report from another course', async () => {
    const other = report({ alpha: 'pp' });
    const response = await post(submission({ reports: [{ id: id(), report: { ...other, course: { name: 'another-course', version: '1.0.0' } } }] }));
    expect(response.statusCode).toBe(422);
    expect(store.count()).toBe(0);
  });

  it("does not let another laptop overwrite a student's results under the same name, in any case", async () => {
    expect((await post(submission())).statusCode).toBe(200);
    const response = await post(submission({ name: 'ANA', key: keyB, reports: [{ id: id(), report: report({ alpha: 'pp' }) }] }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatch(/already used by another laptop/);
    expect(store.count()).toBe(1);
    const csv = await app.inject({ url: '/gradebook.csv', headers: { authorization: `Bearer ${SECRET}` } });
    expect(csv.body.split('\r\n')[1]).toMatch(/^Ana,1,,1,6,/);
  });

  it('stores a report sent twice (after a lost answer) once', async () => {
    const again = submission();
    await post(again);
    const response = await post(again);
    expect(response.json()).toEqual({ student: 'Ana', stored: 0, duplicates: 1 });
    expect(store.count()).toBe(1);
  });

  it("rate-limits a student's repeated submissions, and wrong join codes per address", async () => {
    await app.close();
    await start({ submissionsPerMinute: 3, wrongCodesPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(submission())).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await post(submission())).json().error).toMatch(/too many submissions.*kept on your laptop/);
    // Another student is not held back by Ana's limit.
    expect((await post(submission({ name: 'Ben', key: keyB }))).statusCode).toBe(200);
    const wrong = [];
    for (let i = 0; i < 3; i++) wrong.push((await post(submission({ code: 'NOPE-NOPE', name: 'Cy' }))).statusCode);
    expect(wrong).toEqual([403, 403, 429]);
    expect(store.count()).toBe(4);
  });
});

describe('the instructor', () => {
  it('needs the secret for the page, the events and the gradebook (401 without)', async () => {
    for (const url of ['/', '/events', '/gradebook.csv']) {
      const response = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(401);
      expect(response.body, url).not.toContain('Students (');
    }
    expect((await app.inject({ url: '/gradebook.csv', headers: { authorization: 'Bearer wrong-secret' } })).statusCode).toBe(401);
    const signIn = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(signIn.body).toContain('<form method="post" action="/login">');
  });

  it('signs in with the form, then sees the room; a wrong secret gets the form again', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/login', payload: 'secret=nope', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('not this room’s secret');
    const right = await app.inject({ method: 'POST', url: '/login', payload: `secret=${SECRET}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(right.statusCode).toBe(303);
    const cookie = right.cookies[0]!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(SECRET);
    await post(submission());
    const page = await app.inject({ url: '/', cookies: { [cookie.name]: cookie.value } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<tr data-student="Ana">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('exports the gradebook with the bearer secret', async () => {
    await post(submission());
    const csv = await app.inject({ url: '/gradebook.csv', headers: { authorization: `Bearer ${SECRET}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('name,alpha,beta,total,max,last_report,integrity,valid,invalid_reports,reports\r\n' + `Ana,1,,1,6,${store.db.prepare('SELECT received_at FROM reports').pluck().get()},intact,yes,0,1\r\n`);
  });

  it('streams the room as server-sent events, and pushes a new submission without a reload', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/events`, { headers: { authorization: `Bearer ${SECRET}` } });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${pattern}`);
        text += value;
      }
    };
    await until(/event: room\ndata: .*No student has submitted yet/);
    await post(submission());
    await until(/data-student=\\"Ana\\"/);
    expect(text).toMatch(/"summary":"1 student, 1 report"/);
    await reader.cancel();
  });

  it('rebuilds the room from disk when it starts again', async () => {
    await post(submission());
    await post(submission({ name: 'Ben', key: keyB }));
    await app.close();
    await start();
    const csv = await app.inject({ url: '/gradebook.csv', headers: { authorization: `Bearer ${SECRET}` } });
    expect(csv.body.split('\r\n').slice(1, 3).map((row) => row.split(',')[0])).toEqual(['Ana', 'Ben']);
  });

  it('starts on a room kept from an older grader, leaving its reports in the database unshown', async () => {
    await post(submission());
    await app.close();
    // A report in the first format (no validity verdicts), as an older grader sent it.
    const old = { ...report({ alpha: 'pp' }), version: 1 } as Record<string, unknown>;
    delete old.valid;
    delete old.invalid;
    store.db.prepare("UPDATE reports SET body = ?").run(JSON.stringify(old));
    await start();
    expect(store.unreadable).toBe(1);
    expect(store.count()).toBe(1);
    const csv = await app.inject({ url: '/gradebook.csv', headers: { authorization: `Bearer ${SECRET}` } });
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
