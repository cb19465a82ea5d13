/**
 * The labs in the page (issue 15): each lab lesson offers "Open the lab in the browser"; nothing of the
 * editor or runner loads before it is pressed; the editor holds the starter (or the saved code) in a
 * labelled textarea; Run tests grades in a worker with the lab's own tests and the grader's messages;
 * a loop is stopped without freezing the page; budgets hold; keyboard alone works; axe in both themes.
 */
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { bundleLabCode } from '../../src/labs/browser/bundle';
import { pickTheme } from './checks';
import { builtHtml, labs, renderEverything, useTheme } from './pages';

const lab = labs.find((l) => l.id === 'littles-law')!;
const lessonPath = `/${lab.lesson}/`;
const max = lab.tests.reduce((sum, t) => sum + t.points, 0);
/** Budgets from the issue, in gzipped bytes. */
const OPEN_BUDGET = 25_000;
const RUN_BUDGET = 100_000;

/** Records every response (page and workers) with its gzipped size. */
function watch(page: Page) {
  const seen: { url: string; gz: Promise<number> }[] = [];
  page.context().on('response', (response) => {
    const url = new URL(response.url());
    if (url.protocol === 'blob:' || url.protocol === 'data:') return;
    seen.push({ url: url.pathname, gz: response.body().then((b) => gzipSync(b).length, () => 0) });
  });
  return {
    since: (mark: number) => seen.slice(mark),
    get mark() {
      return seen.length;
    },
  };
}

/** Gzipped bytes of the files in `list`, each counted once (a second worker reuses the cached, hashed file). */
const gz = async (list: { url: string; gz: Promise<number> }[]) => {
  const once = [...new Map(list.map((s) => [s.url, s])).values()];
  return (await Promise.all(once.map((s) => s.gz))).reduce((a, b) => a + b, 0);
};

/** Goes to the lesson and scrolls to the Lab section, where the launcher hydrates (client:visible). */
async function reachLauncher(page: Page) {
  await page.goto(lessonPath);
  // Off-screen blocks skip rendering until reached, which moves the section as the page scrolls.
  await renderEverything(page);
  await page.locator(`[data-lab="${lab.id}"] .lab-open`).scrollIntoViewIfNeeded();
  const open = page.getByRole('button', { name: 'Open the lab in the browser' });
  await expect(open).toBeVisible();
  return open;
}

async function openEditor(page: Page) {
  const open = await reachLauncher(page);
  await open.click();
  const code = page.getByLabel(`Your code for ${lab.id}`);
  await expect(code).toBeVisible();
  return code;
}

async function setCode(page: Page, text: string) {
  const code = page.getByLabel(`Your code for ${lab.id}`);
  await code.fill(text);
}

const status = (page: Page) => page.locator(`[data-lab-editor="${lab.id}"] [role="status"]`);

test('every lab lesson has the launcher island, and it renders nothing without JavaScript', () => {
  for (const l of labs) {
    const html = builtHtml(`/${l.lesson}/`);
    expect(html, `${l.lesson} has the LabLauncher island`).toMatch(/<astro-island[^>]*component-url="[^"]*LabLauncher[^"]*"[^>]*client="visible"/);
  }
});

test('the button loads the editor (<= 25 kB gz), a correct solution gets full marks (<= 100 kB gz more), then a type check', async ({ page }) => {
  test.slow();
  const net = watch(page);
  const open = await reachLauncher(page);
  await page.waitForLoadState('networkidle');
  const before = net.since(0).map((s) => s.url);
  expect(before.filter((u) => /LabEditor|lab-worker|typecheck|\/_labs\//.test(u)), 'editor or runner files loaded before the button was pressed').toEqual([]);

  let mark = net.mark;
  await open.click();
  const code = page.getByLabel(`Your code for ${lab.id}`);
  await expect(code).toBeVisible();
  await expect(code).toHaveValue(/not implemented/);
  await page.waitForLoadState('networkidle');
  const onOpen = await gz(net.since(mark));
  test.info().annotations.push({ type: 'bytes on open (gz)', description: `${onOpen}: ${net.since(mark).map((f) => f.url).join(', ')}` });
  expect(onOpen, 'gzipped bytes loaded when the editor opens').toBeLessThanOrEqual(OPEN_BUDGET);

  await setCode(page, await bundleLabCode(lab.solutionFile));
  mark = net.mark;
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(status(page)).toContainText(`${max} of ${max} points`, { timeout: 20_000 });
  const cold = await page.locator('[data-lab-editor]').getAttribute('data-run-ms');
  const runFiles = net.since(mark).filter((s) => !s.url.includes('/_labs/ts/') && !/typecheck/.test(s.url));
  const onRun = await gz(runFiles);
  test.info().annotations.push({ type: 'bytes on first Run (gz, type checker excluded)', description: `${onRun}: ${runFiles.map((f) => f.url).join(', ')}` });
  expect(onRun, 'gzipped bytes loaded by the first Run, type checker excluded').toBeLessThanOrEqual(RUN_BUDGET);
  // The solution was typed in as bundled JavaScript, without types: the type checker says so, in the grader's words.
  const types = page.locator('[data-result="types"]');
  await expect(types).toContainText(`Type check: labs/${lab.id}/${lab.id}.ts:`, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.locator('[data-lab-editor]')).toHaveAttribute('data-runs', '2', { timeout: 20_000 });
  await expect(status(page)).toContainText(`${max} of ${max} points`);
  const warm = await page.locator('[data-lab-editor]').getAttribute('data-run-ms');
  test.info().annotations.push({ type: 'run time (ms)', description: `cold ${cold}, warm ${warm}` });

  // The starter is strict TypeScript: no type errors (the checker is warm now).
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(status(page)).toContainText(`0 of ${max} points`, { timeout: 20_000 });
  await expect(types).toContainText('no type errors', { timeout: 30_000 });
});

test('a wrong answer gets the grader\'s per-test verdicts, messages and stepped hints', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(status(page)).toContainText(`0 of ${max} points`, { timeout: 20_000 });
  const first = page.locator('.lab-result').first();
  await expect(first).toHaveAttribute('data-status', 'failed');
  await expect(first).toContainText('not started yet: `littlesLaw` still throws "not implemented"');
  const hint = first.getByRole('button', { name: /Show a hint/ });
  await hint.click();
  await expect(first).toContainText(`Hint 1/3: ${lab.tests[0]!.hints.question}`);
  await first.getByRole('button', { name: /Next hint/ }).click();
  await first.getByRole('button', { name: /Next hint/ }).click();
  await expect(first.getByRole('link')).toHaveAttribute('href', `#${lab.tests[0]!.hints.section}`);
});

test('an endless loop times out at the budget plus 1 s without freezing the page, and the other tests still run', async ({ page }) => {
  test.slow();
  await openEditor(page);
  // littlesLaw loops for the first test's arguments only; the rest of the lab is not started.
  const starter = await page.getByLabel(`Your code for ${lab.id}`).inputValue();
  await setCode(page, starter.replace(/(export function littlesLaw\([^)]*\): number \{)/, '$1\n  if (arrivalRate === 1000) for (;;) {}'));
  await page.evaluate(() => {
    (window as unknown as { beats: number }).beats = 0;
    setInterval(() => (window as unknown as { beats: number }).beats++, 50);
  });
  await page.getByRole('button', { name: 'Run tests' }).click();
  const beats: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(500);
    beats.push(await page.evaluate(() => (window as unknown as { beats: number }).beats));
  }
  expect(beats.every((b, i) => i === 0 || b > beats[i - 1]!), `the page's heartbeat kept ticking while the loop ran: ${beats.join(', ')}`).toBe(true);
  await expect(status(page)).toContainText(`of ${max} points`, { timeout: 20_000 });
  const first = page.locator('.lab-result').first();
  await expect(first).toHaveAttribute('data-status', 'timeout');
  await expect(first).toContainText(`did not finish within ${lab.timeoutMs / 1000} s`);
  // The tests that call littlesLaw are held back, as the grader does; the others run in a fresh worker.
  await expect(page.locator('.lab-result').nth(1)).toContainText('not run again: it calls `littlesLaw`');
  await expect(page.locator('.lab-result[data-status="failed"]').first()).toContainText('not started yet: `utilization`');
});

test('saved code survives a reload; Reset brings the starter back', async ({ page }) => {
  await openEditor(page);
  const code = page.getByLabel(`Your code for ${lab.id}`);
  const starter = await code.inputValue();
  await code.press('Control+End');
  await page.keyboard.type('\n// my change');
  await page.waitForTimeout(800);
  await page.reload();
  const again = await openEditor(page);
  await expect(again).toHaveValue(/\/\/ my change$/);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(again).toHaveValue(starter);
});

test('keyboard alone: open, edit, leave the editor with Tab, run', async ({ page }) => {
  const open = await reachLauncher(page);
  await open.focus();
  await page.keyboard.press('Enter');
  const code = page.getByLabel(`Your code for ${lab.id}`);
  await expect(code).toBeFocused();
  await page.keyboard.type('// typed');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Run tests' }), 'Tab leaves the editor for Run tests').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText(`of ${max} points`, { timeout: 20_000 });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reset' })).toBeFocused();
});

test('the open editor with results and a hint has no serious axe violation, in the light theme and then the dark one', async ({ page }) => {
  test.slow();
  await useTheme(page, 'light');
  await openEditor(page);
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(status(page)).toContainText(`of ${max} points`, { timeout: 20_000 });
  await page.locator('.lab-result').first().getByRole('button', { name: /Show a hint/ }).click();
  // Legacy mode and only the editor, as the site-wide checks do (tests/e2e/checks.ts): a third of the time.
  const violations = async (rules?: string[]) => {
    const axe = new AxeBuilder({ page }).include('[data-lab-editor]').options({ resultTypes: ['violations'] }).setLegacyMode();
    if (rules) axe.withRules(rules);
    const results = await axe.analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  };
  expect(await violations(), 'axe in the light theme').toEqual([]);
  // Only colour depends on the theme: the dark run checks the colour rules.
  await pickTheme(page, 'dark');
  expect(await violations(['color-contrast', 'link-in-text-block']), 'axe in the dark theme').toEqual([]);
});
