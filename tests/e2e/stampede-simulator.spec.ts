/**
 * The stampedes lesson and its stampede simulator: the page renders its formulas, diagram, static chart
 * and both labs; the simulator shows the model's default run without JavaScript, and once hydrated it
 * follows the strategy and the numbers with the figures of the course's model imported here
 * (src/components/widgets/module-17/stampede-simulator.ts over src/models/module-17/stampede-simulator/),
 * and explains bad input inline. One load of each page with JavaScript and one without; each behaviour
 * is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import { DEFAULT_STAMPEDE, formatCount, formatSeconds, stampedeView, type StampedeSettings } from '../../src/components/widgets/module-17/stampede-simulator';
import { HydratedWidget, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-17/stampedes/';

/** Checks every number the simulator shows against the model run on the same settings. */
async function expectSimulatorShows(widget: Locator, settings: StampedeSettings): Promise<void> {
  const view = stampedeView(settings);
  await expect(widget.locator('[data-result="loads"]')).toHaveText(formatCount(view.run.loads));
  await expect(widget.locator('[data-result="peakLoads"]')).toHaveText(formatCount(view.run.peakLoads));
  await expect(widget.locator('[data-result="waited"]')).toHaveText(formatCount(view.run.waited));
  await expect(widget.locator('[data-result="stale"]')).toHaveText(formatCount(view.run.stale));
  await expect(widget.locator('[data-result="requests"]')).toHaveText(formatCount(view.run.requests));
  await expect(widget.locator('[data-result="seconds"]')).toHaveText(formatSeconds(view.run.seconds));
  for (const run of view.compare) {
    const s = run.settings.strategy;
    await expect(widget.locator(`[data-result="${s}-loads"]`), `${s}: queries`).toHaveText(formatCount(run.loads));
    await expect(widget.locator(`[data-result="${s}-peakLoads"]`), `${s}: largest herd`).toHaveText(formatCount(run.peakLoads));
    await expect(widget.locator(`[data-result="${s}-waited"]`), `${s}: waited`).toHaveText(formatCount(run.waited));
    await expect(widget.locator(`[data-result="${s}-stale"]`), `${s}: stale`).toHaveText(formatCount(run.stale));
  }
}

test('the stampedes lesson and its simulator, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: twelve behaviours that each had a load and 60 s of their own.
  test.setTimeout(240_000);
  const simulator = await HydratedWidget.open(page, {
    path: lesson,
    name: 'stampede-simulator',
    widget: (p) => p.getByRole('form', { name: 'Stampede simulator' }),
  });
  const fill = (widget: Locator, name: string, value: string) => widget.locator(`input[name="${name}"]`).fill(value);

  await simulator.check('the lesson renders its formulas, diagram, static chart and no KaTeX errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stampedes');
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /A hot key expiring under load/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Chance that one request recomputes early/ })).toBeVisible();
    await expect(page.locator('figure.chart').first().locator('path.chart-line')).toHaveCount(4);
  });

  for (const [id, signature] of [
    ['xfetch', 'export function shouldRecomputeEarly(now: number, expiry: number, delta: number, beta: number, rand: number): boolean;'],
    ['stampede', 'export function simulateHerd(scenario: HerdScenario): HerdResult;'],
  ] as const) {
    await simulator.check(`the ${id} lab embed shows the brief, the starter's signatures, the grade command and the points`, async () => {
      const lab = labs.find((l) => l.id === id)!;
      const embed = page.locator(`[data-lab="${id}"]`);
      const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
      await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
      await expect(embed).toContainText(signature);
      await expect(embed).not.toContainText('not implemented');
      await expect(embed).toContainText(`npm run grade ${id}`);
    });
  }

  await simulator.check('without JavaScript, the simulator shows the chart and the default run, rendered on the server', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="stampede-simulator"]');
      await expect(widget.getByRole('img', { name: /Database queries in flight/ })).toBeVisible();
      await expect(widget.locator('path.chart-line')).toHaveCount(1);
      await expectSimulatorShows(widget, DEFAULT_STAMPEDE);
    });
  });

  await simulator.step('the simulator shows the model’s default run after hydration', async (widget) => {
    await expectSimulatorShows(widget, DEFAULT_STAMPEDE);
  });

  await simulator.step('the simulator follows the strategy: XFetch draws its run and the unprotected one beneath it', async (widget) => {
    await widget.getByLabel('Strategy').selectOption('xfetch');
    await expectSimulatorShows(widget, { ...DEFAULT_STAMPEDE, strategy: 'xfetch' });
    await expect(widget.locator('path.chart-line')).toHaveCount(2);
    await expect(widget.getByRole('img', { name: /XFetch, δ·β look-ahead: \d+ database queries/ })).toBeVisible();
  });

  await simulator.step('the simulator reruns every strategy as the numbers change', async (widget) => {
    await fill(widget, 'clients', '50');
    await fill(widget, 'requestRate', '400');
    await fill(widget, 'recomputeTime', '1.5');
    await fill(widget, 'beta', '2');
    await widget.getByLabel('Strategy').selectOption('single-flight');
    const settings: StampedeSettings = { clients: 50, requestRate: 400, ttl: 10, recomputeTime: 1.5, strategy: 'single-flight', beta: 2 };
    await expectSimulatorShows(widget, settings);
  });

  for (const [name, value, message] of [
    ['clients', '0', /whole number from 1 to 1,000/],
    ['requestRate', 'lots', /must be a number/],
    ['ttl', '', /empty/],
    ['beta', '50', /from 0.1 to 10/],
    ['requestRate', '10000', /keep rate × 3·\(TTL \+ recompute time\) under 300,000/],
  ] as const) {
    await simulator.step(`the simulator rejects ${name} = "${value}" with an inline message and never shows NaN`, async (widget) => {
      await fill(widget, name, value);
      const input = widget.locator(`input[name="${name}"]`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const error = widget.locator(`[data-error-for="${name}"]`);
      await expect(error).toHaveText(message);
      await expect(input).toHaveAttribute('aria-describedby', new RegExp(`${await error.getAttribute('id')}`));
      await expect(widget.locator('[data-result]')).toHaveCount(0);
      await expect(widget).not.toContainText('NaN');
      await expect(widget).not.toContainText('Infinity');
    });
  }

  simulator.expectNoneFailed();
});

test('the leases lesson renders its diagram and its lab', async ({ page }) => {
  const lab = labs.find((l) => l.id === 'lease-cache')!;
  await page.goto('/module-17/leases/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leases');
  await expect(page.getByRole('img', { name: /A lease stops a stale set/ })).toBeVisible();
  const embed = page.locator('[data-lab="lease-cache"]');
  await expect(embed).toContainText(`${lab.tests.length} graded tests · ${lab.tests.reduce((sum, t) => sum + t.points, 0)} points`);
  await expect(embed).toContainText('set(key: string, value: V, token: number): boolean;');
  await expect(embed).toContainText('npm run grade lease-cache');
});
