/**
 * The backpressure lesson: its formulas render, its diagrams are labelled images that show what the
 * lab's model does, it reads completely without JavaScript, and its lab embed shows the brief, the
 * contract from the real starter file, the grade command and the points. One load with JavaScript and
 * one without; each check is a named step (tests/e2e/one-load.ts).
 */
import { expect, test } from '@playwright/test';
import { BoundedQueue, OVERFLOW_POLICIES, type OfferResult } from '../../src/models/module-16/backpressure/bounded-queue';
import { Checklist, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/backpressure/';
const lab = labs.find((l) => l.id === 'backpressure')!;
const diagrams = [
  'Three overflow policies applied to one full queue',
  'Flow control by credits and by pull',
  'The three states of a circuit breaker',
];

test('the backpressure lesson, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: seven checks that each had a load and 60 s of their own.
  test.setTimeout(180_000);
  const checks = new Checklist(lesson);
  await page.goto(lesson);

  await checks.check('the lesson renders its formulas with KaTeX and no errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backpressure');
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.locator('.katex-display').first()).toContainText('nmax');
  });

  await checks.check('each diagram is an image with a name and a description', async () => {
    for (const name of diagrams) {
      const image = page.getByRole('img', { name, exact: true });
      await expect(image).toBeVisible();
      await expect(image).toHaveAccessibleDescription(/.{80,}/);
    }
  });

  await checks.check("the overflow diagram shows what the lab's model returns for each policy", async () => {
    const figure = page.getByRole('img', { name: diagrams[0], exact: true });
    const start = [
      ['a', 1],
      ['b', 3],
      ['c', 1],
      ['d', 2],
    ] as const;
    for (const overflow of OVERFLOW_POLICIES) {
      const queue = new BoundedQueue<string>({ capacity: 4, overflow });
      for (const [id, priority] of start) queue.offer(id, priority);
      const result: OfferResult<string> = queue.offer('e', 2);
      const shown = result.outcome === 'replaced' ? `'replaced', dropped ${result.dropped}` : `'${result.outcome}'`;
      await expect(figure, `the row for ${overflow}`).toContainText(shown);
    }
  });

  await checks.check('reads completely without JavaScript: no islands but the lab launcher, and the diagrams and lab are in the HTML', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      await expect(staticPage.locator('astro-island:not([component-url*="LabLauncher"])'), 'islands other than the lab launcher').toHaveCount(0);
      await expect(staticPage.getByRole('button', { name: 'Open the lab in the browser' }), 'the launcher renders nothing without JavaScript').toHaveCount(0);
      for (const name of diagrams) await expect(staticPage.getByRole('img', { name, exact: true })).toBeVisible();
      await expect(staticPage.locator('[data-lab="backpressure"]')).toContainText('npm run grade backpressure');
    });
  });

  await checks.check('the lab embed shows the brief, the classes from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="backpressure"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('ties go against the later arrival');
    await expect(embed).toContainText('export class CircuitBreaker {');
    await expect(embed).toContainText('tryAcquire(): Permit | undefined;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade backpressure');
    await embed.getByText(`The ${lab.tests.length} graded tests`).click();
    await expect(embed.locator('.lab-tests li')).toHaveCount(lab.tests.length);
  });

  await checks.check('orders the mechanisms from the gentlest to the most drastic, the adaptive limit before shedding and the breaker last', async () => {
    const table = page.locator('table').filter({ hasText: 'bounded buffer' }).first();
    const firstColumn = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(firstColumn).toEqual(['bounded buffer', 'flow control', 'adaptive concurrency limit', 'load shedding', 'circuit breaker']);
  });

  await checks.check("works Gradient2's example with the library's default tolerance of 1.5: a limit of 100 becomes 95.8", async () => {
    // Gradient2Limit: gradient = max(0.5, min(1, tolerance × longRtt / shortRtt)); new = limit × (1 − 0.2) + (gradient × limit + 4) × 0.2.
    const gradient = Math.max(0.5, Math.min(1, (1.5 * 50) / 100));
    const limit = 100 * 0.8 + (gradient * 100 + 4) * 0.2;
    expect(limit).toBeCloseTo(95.8, 10);
    const section = page.locator('p').filter({ hasText: 'When the short-term RTT doubles' });
    await expect(section).toContainText('95.8');
    await expect(section).toContainText('0.75');
  });

  checks.expectNoneFailed();
});
