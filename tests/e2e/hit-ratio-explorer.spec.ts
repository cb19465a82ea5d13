/**
 * The eviction lesson: its formulas, diagrams and build-time tables render, and its hit-ratio explorer
 * shows — before and after hydration, and as the inputs change — exactly the numbers of the course's
 * models (src/components/widgets/module-17/hit-ratio-explorer.ts), simulations included (they are seeded).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { evictionTrace, TRACE } from '../../src/components/diagrams/module-17/eviction-trace';
import { DEFAULT_HIT_RATIO, formatPercent, policyRows, type HitRatioSettings } from '../../src/components/widgets/module-17/hit-ratio-explorer';

const lesson = '/module-17/eviction/';

/** The numbers the table should show for some settings, keyed like its data-result attributes. */
function expected(settings: HitRatioSettings): Record<string, string> {
  const rows = policyRows(settings);
  return Object.fromEntries(
    rows.flatMap((row) => [
      [`${row.kind}-simulated`, `${formatPercent(row.simulated)}${row.filled ? '' : ' *'}`],
      [`${row.kind}-formula`, row.formula === undefined ? '—' : formatPercent(row.formula)],
    ]),
  );
}

async function expectTable(widget: Locator, settings: HitRatioSettings): Promise<void> {
  await expect(widget.locator('[data-result="capacity"]')).toHaveText(settings.capacity.toLocaleString('en'));
  await expect(widget.locator('[data-result="keys"]')).toHaveText(settings.keys.toLocaleString('en'));
  for (const [key, text] of Object.entries(expected(settings))) {
    await expect(widget.locator(`[data-result="${key}"]`), `the ${key} cell`).toHaveText(text);
  }
}

test('the lesson renders its formulas, diagrams and tables', async ({ page }) => {
  await page.goto(lesson);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eviction and sizing');
  expect(await page.locator('.katex').count()).toBeGreaterThan(10);
  await expect(page.locator('.katex-error')).toHaveCount(0);
  await expect(page.getByRole('img', { name: "How Redis's approximate LRU chooses a key to evict" })).toBeVisible();
  await expect(page.getByRole('img', { name: "How Redis's approximate LRU chooses a key to evict" })).toHaveAccessibleDescription(/.{200,}/);
  // The eviction trace is the course's policies on the trace, computed at build time.
  const trace = evictionTrace();
  const table = page.locator('[data-trace="eviction"]');
  for (const policy of ['lru', 'fifo', 'lfu'] as const) {
    await expect(table.locator(`[data-hits="${policy}"]`)).toHaveText(`${trace[policy].hits} of ${TRACE.length}`);
  }
  await expect(page.locator('[data-table="sampled"]')).toHaveCount(8);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the explorer shows its chart and the default numbers, rendered on the server', async ({ page }) => {
    await page.goto(lesson);
    const widget = page.locator('[data-widget="hit-ratio"]');
    await expect(widget.getByRole('img', { name: /Hit ratio against cache size/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(2);
    await expect(widget.locator('.chart-dots circle')).toHaveCount(9);
    await expectTable(widget, DEFAULT_HIT_RATIO);
  });
});

test.describe('hit-ratio explorer', () => {
  let widget: Locator;

  test.beforeEach(async ({ page }) => {
    await page.goto(lesson);
    const island = page.locator('astro-island:has([data-widget="hit-ratio"])');
    await island.scrollIntoViewIfNeeded();
    // Astro removes the `ssr` attribute once the island has hydrated.
    await expect(island).not.toHaveAttribute('ssr');
    widget = page.getByRole('form', { name: 'Hit-ratio explorer' });
  });

  async function fill(page: Page, name: string, value: string): Promise<void> {
    await page.getByRole('form', { name: 'Hit-ratio explorer' }).locator(`input[name="${name}"]`).fill(value);
  }

  test('shows the models’ numbers at the default settings after hydration', async () => {
    await expectTable(widget, DEFAULT_HIT_RATIO);
  });

  test('re-simulates as the key space, the cache size, the exponent and the samples change', async ({ page }) => {
    await fill(page, 'keys', '2000');
    await fill(page, 'capacity', '300');
    await fill(page, 'exponent', '1.1');
    await fill(page, 'samples', '10');
    await expectTable(widget, { keys: 2000, capacity: 300, exponent: 1.1, policy: 'lru', samples: 10 });
    await expect(widget.getByRole('img', { name: /2,000 keys, Zipf exponent 1.1/ })).toBeVisible();
  });

  test('draws the chosen policy: LFU against its bound, sampled LRU with no formula', async ({ page }) => {
    const select = widget.getByRole('combobox', { name: 'Policy on the chart' });
    await select.selectOption('lfu');
    await expect(widget.getByRole('img', { name: /LFU \(counts every request\): simulated/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(3);
    await select.selectOption('sampled-lru');
    await expect(widget.getByRole('img', { name: /Sampled LRU \(Redis\), 5 samples: simulated/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(2);
    await fill(page, 'samples', '1');
    await expect(widget.getByRole('img', { name: /Sampled LRU \(Redis\), 1 sample: simulated/ })).toBeVisible();
    await expectTable(widget, { ...DEFAULT_HIT_RATIO, policy: 'sampled-lru', samples: 1 });
  });

  for (const [name, value, message] of [
    ['keys', '5', /whole number from 10 to 50,000/],
    ['capacity', '5000', /at most the number of keys/],
    ['exponent', 'steep', /must be a number/],
    ['samples', '65', /from 1 to 64/],
    ['capacity', '', /empty/],
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
