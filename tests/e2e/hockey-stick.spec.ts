/**
 * The hockey-stick lesson: its formulas and static charts render, its lab embed shows the contract, and
 * its explorer shows — before and after hydration, and as the inputs change — exactly the numbers of
 * the course's models (src/components/widgets/module-16/hockey-stick.ts), simulations included (they are seeded).
 * One load with JavaScript and one without; each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import { DEFAULT_HOCKEY_STICK, formatRatio, ratioRows, type HockeyStickSettings } from '../../src/components/widgets/module-16/hockey-stick';
import { HydratedWidget, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/hockey-stick/';
const lab = labs.find((l) => l.id === 'queue-models')!;

/** The numbers the table should show for some settings, keyed like its data-result attributes. */
function expected(settings: HockeyStickSettings): Record<string, string> {
  return Object.fromEntries(ratioRows(settings).map((row) => [row.key, formatRatio(row.ratio)]));
}

async function expectTable(widget: Locator, settings: HockeyStickSettings): Promise<void> {
  await expect(widget.locator('[data-result="utilization"]')).toHaveText(`${Math.round(settings.utilization * 100)}%`);
  for (const [key, text] of Object.entries(expected(settings))) {
    await expect(widget.locator(`[data-result="${key}"]`), `the ${key} row`).toHaveText(text);
  }
}

test('the hockey-stick lesson and its explorer, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: eleven behaviours that each had a load and 60 s of their own.
  test.setTimeout(240_000);
  const explorer = await HydratedWidget.open(page, {
    path: lesson,
    name: 'hockey-stick',
    widget: (p) => p.getByRole('form', { name: 'Hockey-stick explorer' }),
  });
  const fill = (widget: Locator, name: string, value: string) => widget.locator(`input[name="${name}"]`).fill(value);

  await explorer.check('the lesson renders its formulas, diagram and static charts', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utilization and the hockey stick');
    expect(await page.locator('.katex').count(), 'KaTeX formulas on the page').toBeGreaterThan(40);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /A queue with c servers/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /The hyperbola and an exponential/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Pools of 1, 10 and 100 servers/ })).toBeVisible();
    // The static charts are plain SVG: each draws its lines without any script.
    await expect(page.locator('figure.chart').first().locator('path.chart-line')).toHaveCount(2);
  });

  await explorer.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="queue-models"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export function erlangC(servers: number, offeredLoad: number): number;');
    await expect(embed).toContainText('export function simulateQueue(options: SimulationOptions): SimulationResult;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade queue-models');
  });

  await explorer.check('without JavaScript, the explorer shows its chart and the default numbers, rendered on the server', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="hockey-stick"]');
      await expect(widget.getByRole('img', { name: /Response time against utilization/ })).toBeVisible();
      await expect(widget.locator('path.chart-line')).toHaveCount(4);
      await expect(widget.locator('.chart-dots circle').first()).toBeVisible();
      await expectTable(widget, DEFAULT_HOCKEY_STICK);
    });
  });

  await explorer.step('the explorer shows the models’ numbers at the default settings after hydration', async (widget) => {
    await expectTable(widget, DEFAULT_HOCKEY_STICK);
  });

  await explorer.step('the explorer moves the utilization with the keyboard', async (widget) => {
    const slider = widget.getByRole('slider', { name: /Utilization/ });
    await slider.focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('95');
    await expectTable(widget, { ...DEFAULT_HOCKEY_STICK, utilization: 0.95 });
  });

  for (const [name, value, message] of [
    ['servers', '0', /whole number from 1 to 1000/],
    ['servers', 'many', /must be a number/],
    ['arrivalScv', '-2', /must be 0/],
    ['serviceScv', '', /empty/],
  ] as const) {
    await explorer.step(`the explorer rejects ${name} = "${value}" with an inline message and never shows NaN`, async (widget) => {
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

  // Last: after these inputs are set back, the chart's dots differ from a fresh load's in their last
  // digits (cy="248.27287897088218" for "248.2728789708822"), so a step after this one would need a
  // load of its own.
  await explorer.step('the explorer recomputes curves, table and simulations as the inputs change', async (widget) => {
    await fill(widget, 'servers', '100');
    await fill(widget, 'arrivalScv', '1');
    await fill(widget, 'serviceScv', '0');
    const settings = { servers: 100, arrivalScv: 1, serviceScv: 0, utilization: 0.8 };
    await expectTable(widget, settings);
    await expect(widget.getByRole('img', { name: /a pool of 100 \(M\/M\/c\)/ })).toBeVisible();
  });

  explorer.expectNoneFailed();
});
