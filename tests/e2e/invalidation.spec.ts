/**
 * The invalidation lesson: its race timelines are labelled images that show what the lab's model does,
 * it reads completely without JavaScript, and its lab embed shows the brief, the contract from the real
 * starter file, the grade command and the points. One load with JavaScript and one without; each check
 * is a named step (tests/e2e/one-load.ts).
 */
import { expect, test } from '@playwright/test';
import { staleSetRaces, twoWriterRaces } from '../../src/components/diagrams/module-17/race-trace';
import { Checklist, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-17/invalidation/';
const lab = labs.find((l) => l.id === 'invalidation')!;
const diagrams = ['The stale set after a delete, and the same order with versions', 'Two writers, cache updates in the opposite order to the database writes'];

test('the invalidation lesson, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: four checks that each had a load and 60 s of their own.
  test.setTimeout(120_000);
  const checks = new Checklist(lesson);
  await page.goto(lesson);

  await checks.check('the lesson renders its formulas with KaTeX and no errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invalidation and consistency');
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    await expect(page.locator('.katex-error')).toHaveCount(0);
  });

  await checks.check('each race timeline is an image with a name and a description, drawn from the model', async () => {
    for (const name of diagrams) {
      const image = page.getByRole('img', { name, exact: true });
      await expect(image).toBeVisible();
      await expect(image).toHaveAccessibleDescription(/.{200,}/);
    }
    // The last step of each timeline shows what the model left in the cache.
    for (const [name, races] of [
      [diagrams[0]!, staleSetRaces()],
      [diagrams[1]!, twoWriterRaces()],
    ] as const) {
      const image = page.getByRole('img', { name, exact: true });
      for (const race of races) {
        await expect(image.locator('text.state'), `the states of the ${race.strategy} timeline`).toContainText(race.steps.map((s) => s.cache));
      }
      await expect(image.locator('text.verdict.stale')).toHaveCount(races.filter((r) => r.stale).length);
    }
  });

  await checks.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="invalidation"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('setVersioned(key: string, value: V, version: number): boolean;');
    await expect(embed).toContainText('export function interleave(processes: readonly Process[], schedule: readonly number[]): void;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade invalidation');
  });

  await checks.check('reads completely without JavaScript: no islands but the lab launcher, and the diagrams and lab are in the HTML', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      await expect(staticPage.locator('astro-island:not([component-url*="LabLauncher"])'), 'islands other than the lab launcher').toHaveCount(0);
      await expect(staticPage.getByRole('button', { name: 'Open the lab in the browser' }), 'the launcher renders nothing without JavaScript').toHaveCount(0);
      for (const name of diagrams) await expect(staticPage.getByRole('img', { name, exact: true })).toBeVisible();
      await expect(staticPage.locator('[data-lab="invalidation"]')).toContainText('npm run grade invalidation');
    });
  });

  checks.expectNoneFailed();
});
