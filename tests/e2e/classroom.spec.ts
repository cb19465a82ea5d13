/**
 * The classroom dashboard in Chromium, as an instructor uses it: sign in with the secret, watch
 * students' reports arrive without reloading, see what the room fails most, export the gradebook —
 * with axe in the light and the dark scheme, names shown as text, and nothing without the secret.
 * The dashboard is the real program (`npm run classroom`), on 127.0.0.1 with a fresh data folder;
 * the students are simulated by posting the grader's reports, as `npm run grade -- --submit` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SUBMIT_PATH } from '../../src/dashboard/protocol';
import { reportSchema, type Report } from '../../src/grader/report';
import { labs, root } from './pages';

const CODE = 'E2E1-TEST';
const SECRET = 'an-e2e-instructor-secret';
let dashboard: ChildProcess;
let data: string;
let base: string;
let reports = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'qc-e2e-room-'));
  dashboard = spawn(process.execPath, ['--import', 'tsx', 'src/dashboard/main.ts', '--host', '127.0.0.1', '--port', '0', '--data', data, '--code', CODE, '--secret', SECRET], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    dashboard.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Instructor page:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
    dashboard.on('exit', (code) => reject(new Error(`the dashboard exited (${code}): ${out}`)));
  });
});

test.afterAll(() => {
  dashboard.kill();
  rmSync(data, { recursive: true, force: true });
});

/**
 * A report of the course's first lab in which the first `passed` tests pass and the next one fails;
 * `tampered`: graded with a changed test file, which the grader reports as not valid.
 */
function report(passed: number, tampered = false): Report {
  const lab = labs[0]!;
  const tests = lab.tests.map((t, i) =>
    i < passed
      ? { name: t.name, status: 'passed' as const, points: t.points, max: t.points }
      : { name: t.name, status: 'failed' as const, points: 0, max: t.points, message: i === passed ? 'expected 101, but got 100' : 'not started yet: the function still throws "not implemented: f"' },
  );
  const score = tests.reduce((s, t) => s + t.points, 0);
  const max = tests.reduce((s, t) => s + t.max, 0);
  return reportSchema.parse({
    version: 2,
    course: { name: 'queues-and-caches', version: '0.1.0' },
    gradedAt: new Date().toISOString(),
    durationMs: 900,
    integrity: tampered ? { verdict: 'modified', changed: [`labs/${lab.id}/${lab.id}.test.ts`], manifestSha256: '0'.repeat(64) } : { verdict: 'intact', changed: [], manifestSha256: '0'.repeat(64) },
    valid: !tampered,
    invalid: tampered ? [`the grading files were changed: labs/${lab.id}/${lab.id}.test.ts`] : [],
    score,
    max,
    labs: [{ id: lab.id, score, max, studentFile: { path: `labs/${lab.id}/${lab.id}.ts`, sha256: '1'.repeat(64) }, valid: true, tests }],
  });
}

async function submit(name: string, passed: number, key: string, tampered = false): Promise<number> {
  reports++;
  const response = await fetch(`${base}${SUBMIT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: CODE, name, key: key.repeat(64 / key.length), reports: [{ id: `00000000-0000-4000-8000-${String(reports).padStart(12, '0')}`, report: report(passed, tampered) }] }),
  });
  return response.status;
}

async function axe(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

async function signIn(page: Page) {
  await page.goto(`${base}/`);
  await page.getByLabel('Instructor secret').fill(SECRET);
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Classroom dashboard');
  await expect(page.locator('html')).toHaveAttribute('data-updates', /\d+/); // the live connection is up
}

test('without the secret: a sign-in form (401), accessible; a wrong secret is refused', async ({ page }) => {
  const response = await page.goto(`${base}/`);
  expect(response!.status()).toBe(401);
  for (const scheme of ['light', 'dark'] as const) expect(await axe(page, scheme), `axe, ${scheme}`).toEqual([]);
  await page.getByLabel('Instructor secret').fill('not-the-secret');
  await page.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(page.getByText('That is not this room’s secret')).toBeVisible();
  await expect(page.getByLabel('Instructor secret')).toHaveAttribute('aria-invalid', 'true');
  expect((await page.request.get(`${base}/gradebook.csv`)).status()).toBe(401);
});

test('the room updates live as students submit, without a reload', async ({ page }) => {
  await signIn(page);
  await expect(page.getByText('No student has submitted yet')).toBeVisible();
  await expect(page.locator('pre code')).toContainText(`--code ${CODE}`);
  // A marker that a reload would wipe out.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  expect(await submit('Ana Lima', 3, 'a1')).toBe(200);
  expect(await submit('Ben Okafor', 3, 'b2')).toBe(200);
  expect(await submit('Cy Park', 1, 'c3')).toBe(200);
  const rows = page.locator('table.students tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('tr[data-student="Ana Lima"] td').first()).toContainText(`${report(3).score}/${report(3).max}`);
  await expect(page.locator('#summary')).toHaveText('3 students, 3 reports');
  // Two of three fail the same test: it leads the list of what to explain.
  const lab = labs[0]!;
  await expect(page.locator('.struggles li').first()).toContainText(lab.tests[3]!.name);
  await expect(page.locator('.struggles li').first()).toContainText('2 of 3 students');
  await expect(page.locator('.struggles li').first()).toContainText(lab.tests[3]!.hints.question);

  expect(await submit('Cy Park', lab.tests.length, 'c3')).toBe(200);
  await expect(page.locator('tr[data-student="Cy Park"] td.done')).toHaveCount(1);
  // A run with a changed test file: shown as invalid, with no points, live too.
  expect(await submit('Di Tampered', lab.tests.length, 'e5', true)).toBe(200);
  await expect(page.locator('tr[data-student="Di Tampered"] td').first()).toHaveText(/^invalid/);
  await expect(page.locator('tr[data-student="Di Tampered"] th')).toContainText('latest run invalid');
  await expect(page.locator('tr[data-student="Di Tampered"] td.done')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 'the page was not reloaded').toBe(1);
  for (const scheme of ['light', 'dark'] as const) expect(await axe(page, scheme), `axe, ${scheme}`).toEqual([]);
});

test("a student's chosen name is shown as text, never run as markup", async ({ page }) => {
  const hostile = '<img src=x onerror="window.pwned=1">';
  expect(await submit(hostile, 2, 'd4')).toBe(200);
  await signIn(page);
  await expect(page.locator('table.students tbody th', { hasText: hostile })).toHaveCount(1);
  expect(await page.locator('#room img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('the gradebook downloads from the page, and with the bearer secret', async ({ page }) => {
  await signIn(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the gradebook (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('gradebook.csv');
  const response = await page.request.get(`${base}/gradebook.csv`, { headers: { authorization: `Bearer ${SECRET}` } });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).trim().split('\r\n');
  expect(lines[0]).toBe(`name,${labs.map((l) => l.id).join(',')},total,max,last_report,integrity,valid,invalid_reports,reports`);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expect.arrayContaining(['Ana Lima', 'Ben Okafor', 'Cy Park']));
});

test('on a 375 px phone the page does not scroll sideways, and its tables scroll by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const results = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable', 'target-size']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
