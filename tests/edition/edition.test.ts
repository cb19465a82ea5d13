/**
 * The student edition, proved the way a student would meet it: `npm run edition` writes it, a fresh
 * `npm ci` installs it, `npm run grade` gives every untouched starter 0 with no diagnosis and an intact
 * manifest, the reference solutions dropped in get full marks, nothing of the answers or the instructor
 * guide is in it, and `npm start` serves its site. The slow parts run side by side: the student site
 * builds while npm installs the edition.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEdition } from '../../src/edition/audit';
import { buildEdition, buildStudentSite, run, type EditionSummary } from '../../src/edition/build';
import { SITE_DIR } from '../../src/edition/layout';
import { dropInReferences } from '../../src/edition/references';
import { reportSchema, type Report } from '../../src/grader/report';
import { loadLabs } from '../../src/labs/catalog';

const root = join(import.meta.dirname, '..', '..');
const labs = loadLabs(join(root, 'labs'));
let work: string;
let edition: string;
let summary: EditionSummary;
const timings: Record<string, number> = {};
const server: { child?: ChildProcess } = {};

/** Stops `npm start` and the server it started: npm does not pass a kill on to its child, which outlived the test. */
function stopServer(): void {
  const child = server.child;
  server.child = undefined;
  if (child?.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill();
  }
}

async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = (Date.now() - started) / 1000;
  }
}

/** `npm run grade -- --json` in the edition, as a student runs it. */
async function grade(): Promise<Report> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'grade', '--', '--json'], { cwd: edition, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return reportSchema.parse(JSON.parse(stdout));
}

function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => {
    const stat = lstatSync(join(dir, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qc-edition-'));
  edition = join(work, 'edition');
  const site = join(work, 'student-site');
  await Promise.all([
    timed('site build', () => buildStudentSite(root, site)),
    (async () => {
      summary = await timed('edition (no site)', () => buildEdition({ root, out: edition, site: false }));
      await timed('npm ci', () => run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: edition }));
    })(),
  ]);
  cpSync(site, join(edition, SITE_DIR), { recursive: true });
}, 600_000);

afterAll(() => {
  stopServer();
  const bytes = sizeOf(edition);
  const installed = sizeOf(join(edition, 'node_modules'));
  console.info(
    `edition: ${((bytes - installed) / 1e6).toFixed(1)} MB without node_modules, ${(installed / 1e6).toFixed(1)} MB installed; ` +
      Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', '),
  );
  rmSync(work, { recursive: true, force: true });
});

describe('the student edition', () => {
  it('depends only on what grading and serving need', () => {
    expect(Object.keys(summary.dependencies).sort()).toEqual(['@types/node', 'esbuild', 'fast-check', 'picocolors', 'sirv', 'tsx', 'typescript', 'vitest', 'zod']);
    const pkg = JSON.parse(readFileSync(join(edition, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(pkg.name, 'the course name, which the dashboard checks').toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['start', 'grade']));
  });

  it('holds no reference solution, no model, no .meta/ and no instructor page', () => {
    expect(auditEdition(root, edition)).toEqual([]);
    const shipped = readdirSync(edition, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('node_modules'));
    expect(shipped.filter((f) => /(^|[\\/])\.meta([\\/]|$)|src[\\/]models|instructors/.test(f))).toEqual([]);
    // Every lab is there for the student: starter, tests, metadata, brief.
    for (const lab of labs) {
      for (const file of [lab.studentFile, lab.testFile, lab.metaFile, lab.briefFile]) expect(shipped).toContain(relative(root, file));
    }
  });

  it('grades every untouched starter 0, with no diagnosis, against its own intact manifest', async () => {
    const report = await grade();
    expect(report.integrity.verdict, `changed: ${report.integrity.changed.join(', ')}`).toBe('intact');
    expect(report.labs.map((l) => l.id)).toEqual(labs.map((l) => l.id));
    for (const lab of report.labs) {
      expect(lab.diagnosis, `${lab.id}: ${lab.diagnosis}`).toBeUndefined();
      expect(lab.score, lab.id).toBe(0);
      expect(lab.tests.filter((t) => t.status === 'error').map((t) => `${t.name}: ${t.message}`), lab.id).toEqual([]);
    }
  }, 180_000);

  it('serves its site with npm start, without the instructor guide', async () => {
    const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: edition, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    server.child = child;
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}`)));
    });
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Queues &amp; Caches');
    for (const lab of labs) {
      const lesson = await fetch(`${base}/${lab.lesson}/`);
      expect(lesson.status, lab.lesson).toBe(200);
      const html = await lesson.text();
      expect(html, lab.lesson).toContain(`data-lab="${lab.id}"`);
      // The lab in the page (issue 15) works from the edition's own server too: the launcher's island
      // and the lab's tests bundled for the page.
      expect(html, `${lab.lesson} has the lab launcher`).toMatch(/<astro-island[^>]*component-url="[^"]*LabLauncher/);
      const tests = await fetch(`${base}/_labs/${lab.id}.tests.js`);
      expect(tests.status, `/_labs/${lab.id}.tests.js`).toBe(200);
      expect(tests.headers.get('content-type'), `/_labs/${lab.id}.tests.js is served as JavaScript (a module worker imports it)`).toMatch(/javascript/);
    }
    expect((await fetch(`${base}/_labs/ts/typescript.js`)).status, 'the type checker for the page').toBe(200);
    expect((await fetch(`${base}/pagefind/pagefind.js`)).status).toBe(200);
    expect((await fetch(`${base}/instructors/`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/package.json`)).status).toBe(404);
    stopServer();
    // Nothing left running: the server stops with npm (it once outlived every run of this test).
    const stopped = async (): Promise<boolean> => fetch(`${base}/`).then(() => false, () => true);
    for (let i = 0; i < 50 && !(await stopped()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await stopped(), `the edition's server at ${base} still answers after npm start was stopped`).toBe(true);
  }, 60_000);

  it('gives the reference solutions, dropped in, full marks', async () => {
    const written = dropInReferences(root, edition);
    expect(written).toEqual(expect.arrayContaining(labs.map((lab) => relative(root, lab.studentFile))));
    const report = await grade();
    expect(report.integrity.verdict).toBe('intact');
    expect(report.labs.map((l) => [l.id, l.score, l.diagnosis ?? ''])).toEqual(labs.map((l) => [l.id, l.tests.reduce((s, t) => s + t.points, 0), '']));
  }, 180_000);
});
