/**
 * The eviction lesson: its formulas, diagrams and build-time tables render, and its hit-ratio explorer
 * shows — before and after hydration, and as the inputs change — exactly the numbers of the course's
 * models (src/components/widgets/module-17/hit-ratio-explorer.ts), simulations included (they are seeded).
 * One load with JavaScript and one without; each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import { evictionTrace, TRACE } from '../../src/components/diagrams/module-17/eviction-trace';
import { DEFAULT_HIT_RATIO, formatPercent, policyRows, type HitRatioSettings } from '../../src/components/widgets/module-17/hit-ratio-explorer';
import { HydratedWidget, withoutJavaScript } from './one-load';

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

test('the eviction lesson and its hit-ratio explorer, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: ten behaviours that each had a load and 60 s of their own.
  test.setTimeout(240_000);
  const explorer = await HydratedWidget.open(page, {
    path: lesson,
    name: 'hit-ratio',
    widget: (p) => p.getByRole('form', { name: 'Hit-ratio explorer' }),
  });
  const fill = (widget: Locator, name: string, value: string) => widget.locator(`input[name="${name}"]`).fill(value);

  await explorer.check('the lesson renders its formulas, diagrams and tables', async () => {
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

  await explorer.check('without JavaScript, the explorer shows its chart and the default numbers, rendered on the server', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="hit-ratio"]');
      await expect(widget.getByRole('img', { name: /Hit ratio against cache size/ })).toBeVisible();
      await expect(widget.locator('path.chart-line')).toHaveCount(2);
      await expect(widget.locator('.chart-dots circle')).toHaveCount(9);
      await expectTable(widget, DEFAULT_HIT_RATIO);
    });
  });

  await explorer.step('the explorer shows the models’ numbers at the default settings after hydration', async (widget) => {
    await expectTable(widget, DEFAULT_HIT_RATIO);
  });

  await explorer.step('the explorer re-simulates as the key space, the cache size, the exponent and the samples change', async (widget) => {
    await fill(widget, 'keys', '2000');
    await fill(widget, 'capacity', '300');
    await fill(widget, 'exponent', '1.1');
    await fill(widget, 'samples', '10');
    await expectTable(widget, { keys: 2000, capacity: 300, exponent: 1.1, policy: 'lru', samples: 10 });
    await expect(widget.getByRole('img', { name: /2,000 keys, Zipf exponent 1.1/ })).toBeVisible();
  });

  await explorer.step('the explorer draws the chosen policy: LFU against its bound, sampled LRU with no formula', async (widget) => {
    const select = widget.getByRole('combobox', { name: 'Policy on the chart' });
    await select.selectOption('lfu');
    await expect(widget.getByRole('img', { name: /LFU \(counts every request\): simulated/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(3);
    await select.selectOption('sampled-lru');
    await expect(widget.getByRole('img', { name: /Sampled LRU \(Redis\), 5 samples: simulated/ })).toBeVisible();
    await expect(widget.locator('path.chart-line')).toHaveCount(2);
    await fill(widget, 'samples', '1');
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

  explorer.expectNoneFailed();
});
