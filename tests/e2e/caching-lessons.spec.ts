/**
 * Module 17's first two lessons: the cache-layer diagram and table agree (same layers, same order, same
 * costs), the hit-ratio and loss-window tables show what the course's models compute, the sequence
 * diagrams are labelled images, both pages read without JavaScript, and the lab embed shows the contract.
 * One load of each page with JavaScript and one context without; each check is a named step
 * (tests/e2e/one-load.ts).
 */
import { expect, test } from '@playwright/test';
import { CACHE_LAYERS } from '../../src/components/diagrams/module-17/cache-layers';
import { PATTERN_SEQUENCES } from '../../src/components/diagrams/module-17/cache-pattern-sequences';
import { LESSON_SCENARIOS, runLossWindow } from '../../src/models/module-17/cache-patterns/loss-window';
import { hitRatioTable, LESSON_EXAMPLE } from '../../src/models/module-17/why-cache/hit-ratio';
import { Checklist, withoutJavaScript } from './one-load';
import { labs } from './pages';

const whyCache = '/module-17/why-cache/';
const patterns = '/module-17/cache-patterns/';
const lab = labs.find((l) => l.id === 'cache-patterns')!;

test('why-cache and cache-patterns, on one load of each with JavaScript and one context without', async ({ page, browser }) => {
  // A guard, not a speed check: six checks that each had a load and 60 s of their own.
  test.setTimeout(180_000);
  const checks = new Checklist('why-cache and cache-patterns');
  await page.goto(whyCache);

  await checks.check('why-cache: the diagram and the table list the same layers, in the order a request meets them', async () => {
    const diagram = page.getByRole('img', { name: 'Where a request can be answered from a copy', exact: true });
    await expect(diagram).toHaveAccessibleDescription(/.{200,}/);
    const ids = CACHE_LAYERS.map((l) => l.id);
    expect(await diagram.locator('[data-layer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(ids);
    const table = page.locator('[data-table="cache-layers"]');
    expect(await table.locator('tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')))).toEqual(ids);
    for (const [i, layer] of CACHE_LAYERS.entries()) {
      await expect(diagram.locator(`[data-layer="${layer.id}"]`)).toContainText(`${i + 1}. ${layer.name}`);
      await expect(diagram.locator(`[data-hit="${layer.id}"]`)).toHaveText(layer.hitShort);
      await expect(table.locator(`tr[data-layer="${layer.id}"] th`)).toContainText(`${i + 1}. ${layer.name}`);
    }
  });

  await checks.check('why-cache: the hit-ratio table shows what the model computes, and the formulas render', async () => {
    await expect(page.locator('.katex-error')).toHaveCount(0);
    expect(await page.locator('.katex').count()).toBeGreaterThan(15);
    const rows = hitRatioTable(LESSON_EXAMPLE.hitRatios, LESSON_EXAMPLE.requestRate, LESSON_EXAMPLE.hitMs, LESSON_EXAMPLE.missMs);
    const table = page.locator('[data-table="hit-ratio"]');
    await expect(table.locator('tbody tr')).toHaveCount(rows.length);
    for (const row of rows) {
      const tr = table.locator(`tr[data-hit-ratio="${row.hitRatio}"]`);
      await expect(tr.locator('[data-result="mean"]')).toHaveText(`${Number(row.meanLatencyMs.toFixed(3))} ms`);
      await expect(tr.locator('[data-result="origin"]')).toHaveText(Math.round(row.originRate).toLocaleString('en-US'));
    }
    await expect(table.locator('tr[data-hit-ratio="0.9"] [data-result="origin"]')).toHaveText('1,000');
    await expect(table.locator('tr[data-hit-ratio="0.99"] [data-result="origin"]')).toHaveText('100');
  });

  await page.goto(patterns);

  await checks.check('cache-patterns: each sequence diagram is an image with a name and a description', async () => {
    for (const sequence of PATTERN_SEQUENCES) {
      const image = page.getByRole('img', { name: sequence.title, exact: true });
      await expect(image).toBeVisible();
      await expect(image).toHaveAccessibleDescription(/.{80,}/);
    }
  });

  await checks.check("cache-patterns: the loss-window table shows what the lab's WriteBehindCache does", async () => {
    const table = page.locator('[data-table="loss-window"]');
    for (const scenario of LESSON_SCENARIOS) {
      const result = runLossWindow(scenario);
      const row = table.locator(`tr[data-scenario="${scenario.label}"]`);
      await expect(row.locator('[data-result="acknowledged"]')).toHaveText(result.acknowledged.toLocaleString('en-US'));
      await expect(row.locator('[data-result="lost"]')).toHaveText(`${result.lostWrites.toLocaleString('en-US')} (${result.lostKeys.toLocaleString('en-US')} keys)`);
      await expect(row.locator('[data-result="age"]')).toHaveText(`${result.oldestLostAgeMs.toLocaleString('en-US')} ms`);
    }
  });

  await checks.check('the lab embed shows the brief, the classes from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="cache-patterns"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('crash()');
    await expect(embed).toContainText('export class LruCache<V> {');
    await expect(embed).toContainText('export function cacheAsideWrite<V>(store: CacheStore<V>, db: Database<V>, key: string, value: V): void;');
    await expect(embed).not.toContainText('not implemented');
    await embed.getByText(`The ${lab.tests.length} graded tests`).click();
    await expect(embed.locator('.lab-tests li')).toHaveCount(lab.tests.length);
  });

  await checks.check('both lessons read without JavaScript: no islands but the lab launcher, and the diagrams, tables and lab are in the HTML', async () => {
    await withoutJavaScript(browser, whyCache, async (page) => {
      await expect(page.locator('astro-island:not([component-url*="LabLauncher"])'), 'islands other than the lab launcher').toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Open the lab in the browser' }), 'the launcher renders nothing without JavaScript').toHaveCount(0);
      await expect(page.getByRole('img', { name: 'Where a request can be answered from a copy', exact: true })).toBeVisible();
      await expect(page.locator('[data-table="hit-ratio"]')).toBeVisible();
      await page.goto(patterns);
      await expect(page.locator('astro-island:not([component-url*="LabLauncher"])'), 'islands other than the lab launcher').toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Open the lab in the browser' }), 'the launcher renders nothing without JavaScript').toHaveCount(0);
      await expect(page.locator('[data-table="loss-window"]')).toBeVisible();
      await expect(page.locator('[data-lab="cache-patterns"]')).toContainText('npm run grade cache-patterns');
    });
  });

  checks.expectNoneFailed();
});
