/**
 * The hockey-stick lesson: its formulas and static charts render, its lab embed shows the contract, and
 * its explorer shows — before and after hydration, and as the inputs change — exactly the numbers of
 * the course's models (src/components/widgets/module-16/hockey-stick.ts), simulations included (they are seeded).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEFAULT_HOCKEY_STICK, formatRatio, ratioRows, type HockeyStickSettings } from '../../src/components/widgets/module-16/hockey-stick';
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

test('the lesson renders its formulas, diagram and static charts', async ({ page }) => {
  await page.goto(lesson);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utilization and the hockey stick');
  expect(await page.locator('.katex').count()).toBeGreaterThan(40);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /A queue with c servers/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /The hyperbola and an exponential/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Pools of 1, 10 and 100 servers/ })).toBeVisible();
  // The static charts are plain SVG: each draws its lines without any script.
  await expect(page.locator('figure.chart').first().locator('path.chart-line')).toHaveCount(2);
});

test('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async ({ page }) => {
  await page.goto(lesson);
  const embed = page.locator('[data-lab="queue-models"]');
  const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
  await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
  await expect(embed).toContainText('export function erlangC(servers: number, offeredLoad: number): number;');
  await expect(embed).toContainText('export function simulateQueue(options: SimulationOptions): SimulationResult;');
  await expect(embed).not.toContainText('not implemented');
  await expect(embed).toContainText('npm run grade queue-models');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the explorer shows its chart and the default numbers, rendered on the server', async ({ page }) => {
    await page.goto(lesson);
    const widget = page.locator('[data-widget="hockey-stick"]');
    await expect(widget.getByRole('img', { name: /Response time against utilization/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(4);
    await expect(widget.locator('.chart-dots circle').first()).toBeVisible();
    await expectTable(widget, DEFAULT_HOCKEY_STICK);
  });
});

test.describe('hockey-stick explorer', () => {
  let widget: Locator;

  test.beforeEach(async ({ page }) => {
    await page.goto(lesson);
    const island = page.locator('astro-island:has([data-widget="hockey-stick"])');
    await island.scrollIntoViewIfNeeded();
    // Astro removes the `ssr` attribute once the island has hydrated.
    await expect(island).not.toHaveAttribute('ssr');
    widget = page.getByRole('form', { name: 'Hockey-stick explorer' });
  });

  async function fill(page: Page, name: string, value: string): Promise<void> {
    await page.getByRole('form', { name: 'Hockey-stick explorer' }).locator(`input[name="${name}"]`).fill(value);
  }

  test('shows the models’ numbers at the default settings after hydration', async () => {
    await expectTable(widget, DEFAULT_HOCKEY_STICK);
  });

  test('recomputes curves, table and simulations as the inputs change', async ({ page }) => {
    await fill(page, 'servers', '100');
    await fill(page, 'arrivalScv', '1');
    await fill(page, 'serviceScv', '0');
    const settings = { servers: 100, arrivalScv: 1, serviceScv: 0, utilization: 0.8 };
    await expectTable(widget, settings);
    await expect(widget.getByRole('img', { name: /a pool of 100 \(M\/M\/c\)/ })).toBeVisible();
  });

  test('moves the utilization with the keyboard', async ({ page }) => {
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
    test(`rejects ${name} = "${value}" with an inline message and never shows NaN`, async ({ page }) => {
      await fill(page, name, value);
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
});
