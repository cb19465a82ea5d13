/**
 * The Cloudflare case study: its formulas, diagrams and the comparison table render; its lab embed
 * shows the contract; and its tiered-cache simulator shows — before and after hydration, and as the
 * inputs change — exactly the numbers of the course's CDN simulation
 * (src/models/case-studies/tiered-cache/cdn-simulation.ts), which is seeded. One load with JavaScript
 * and one without; each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import { DEFAULT_CDN_SETTINGS, hitRatio, simulateCdn, type CdnSimulationSettings } from '../../src/models/case-studies/tiered-cache/cdn-simulation';
import { formatCount, formatPercent, headline, tableCells } from '../../src/components/widgets/case-studies/tiered-cache-simulator';
import { HydratedWidget, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/case-studies/cloudflare/';
const lab = labs.find((l) => l.id === 'tiered-cache')!;

/** Checks every number the simulator shows against the model run with `settings`. */
async function expectNumbers(widget: Locator, settings: CdnSimulationSettings): Promise<void> {
  const result = simulateCdn(settings);
  for (const [key, text] of Object.entries({ ...headline(result), ...tableCells(result) })) {
    await expect(widget.locator(`[data-result="${key}"]`), `the ${key} number`).toHaveText(text);
  }
  await expect(widget.locator('[data-result^="upper-"]')).toHaveCount(settings.tiering ? 5 : 0);
}

test("the Cloudflare case study and its tiered-cache simulator, on one load with JavaScript and one without", async ({ page, browser }) => {
  // A guard, not a speed check: ten behaviours that each had a load and 60 s of their own.
  test.setTimeout(240_000);
  const simulator = await HydratedWidget.open(page, {
    path: lesson,
    name: 'tiered-cache',
    widget: (p) => p.getByRole('form', { name: 'Tiered-cache simulator' }),
    ready: (widget) => expect(widget.getByRole('checkbox', { name: /Tiered cache/ })).toBeEnabled(),
  });
  const fill = (widget: Locator, name: string, value: string) => widget.locator(`input[name="${name}"]`).fill(value);

  await simulator.check('the lesson renders its formulas, diagrams and the simulated comparison', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Case study: Cloudflare's CDN");
    expect(await page.locator('.katex').count()).toBeGreaterThan(15);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    for (const name of [/without and with Tiered Cache/, /Request collapsing works inside one data center/, /One response's life at the edge/]) {
      await expect(page.getByRole('img', { name })).toBeVisible();
    }
    // The comparison table is computed from the model at build time: its first row is the default run.
    const first = page.locator('[data-table="tiering-comparison"] tbody tr').first();
    const run = simulateCdn(DEFAULT_CDN_SETTINGS);
    await expect(first.locator('td')).toHaveText(['on', 'on', formatCount(run.originRequests), formatCount(run.hottestOriginRequests), formatPercent(hitRatio(run.lower)), formatPercent(hitRatio(run.upper!))]);
  });

  await simulator.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="tiered-cache"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export function edgeDecision(status: number, headers: Record<string, string>, now: number): EdgeDecision;');
    await expect(embed).toContainText('export function tieredCdn(options: TieredCdnOptions): TieredCdn;');
    await expect(embed).toContainText('EdgeCache');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade tiered-cache');
  });

  await simulator.check('without JavaScript, the simulator shows the default run, rendered on the server', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="tiered-cache"]');
      await expect(widget.getByRole('img', { name: /Origin requests per second/ })).toBeVisible();
      await expect(widget.locator('path.chart-line')).toHaveCount(1);
      await expectNumbers(widget, DEFAULT_CDN_SETTINGS);
    });
  });

  await simulator.step('the simulator shows the model’s numbers at the default settings after hydration', async (widget) => {
    await expectNumbers(widget, DEFAULT_CDN_SETTINGS);
  });

  await simulator.step('the simulator reruns the simulation as the numbers change', async (widget) => {
    await fill(widget, 'pops', '30');
    await fill(widget, 'zipfAlpha', '1.2');
    await fill(widget, 'ttlSeconds', '5');
    await expectNumbers(widget, { ...DEFAULT_CDN_SETTINGS, pops: 30, zipfAlpha: 1.2, ttlSeconds: 5 });
  });

  await simulator.step('the simulator switches tiering and collapsing off and on', async (widget) => {
    await widget.getByRole('checkbox', { name: /Tiered cache/ }).uncheck();
    await expectNumbers(widget, { ...DEFAULT_CDN_SETTINGS, tiering: false });
    await widget.getByRole('checkbox', { name: /Request collapsing/ }).uncheck();
    await expectNumbers(widget, { ...DEFAULT_CDN_SETTINGS, tiering: false, collapsing: false });
    await widget.getByRole('checkbox', { name: /Tiered cache/ }).check();
    await expectNumbers(widget, { ...DEFAULT_CDN_SETTINGS, collapsing: false });
  });

  for (const [name, value, message] of [
    ['pops', '0', /whole number from 1 to 50/],
    ['pops', 'lots', /must be a number/],
    ['zipfAlpha', '3', /from 0 to 2/],
    ['ttlSeconds', '', /empty/],
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
