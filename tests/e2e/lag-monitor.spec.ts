/**
 * The consumer-lag lesson and its lag monitor: the page renders its formulas, diagrams and lab; the
 * monitor shows the model's default picture without JavaScript, and once hydrated it follows the
 * controls and presets with the numbers of the model imported here, and explains bad input inline.
 * One load with JavaScript and one without; each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ALERT_LABELS, formatDrainTime, simulateLagMonitor, type LagMonitorInput } from '../../src/components/widgets/module-16/lag-monitor';
import { DEFAULT_LAG_MONITOR_FORM, LAG_MONITOR_PRESETS, type LagMonitorFormInput } from '../../src/components/widgets/module-16/lag-monitor-form';
import { HydratedWidget, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/consumer-lag/';
const lab = labs.find((l) => l.id === 'consumer-lag')!;
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

function toInput(form: LagMonitorFormInput): LagMonitorInput {
  return {
    productionRate: Number(form.productionRate),
    hotKeyRate: Number(form.hotKeyRate),
    consumerRate: Number(form.consumerRate),
    consumers: Number(form.consumers),
    partitions: Number(form.partitions),
  };
}

/** Checks the monitor's numbers against the model run on the same controls. */
async function expectMonitorShows(monitor: Locator, input: LagMonitorInput): Promise<void> {
  const run = simulateLagMonitor(input);
  await expect(monitor.locator('[data-result="lag"]')).toHaveText(whole.format(run.lag));
  await expect(monitor.locator('[data-result="lag"]')).toHaveAttribute('data-value', String(run.lag));
  await expect(monitor.locator('[data-result="alert"]')).toContainText(ALERT_LABELS[run.alert]);
  await expect(monitor.locator('[data-result="alert"]')).toHaveAttribute('data-value', run.alert);
  await expect(monitor.locator('[data-result="alertPartitions"]')).toHaveAttribute('data-value', run.alertPartitions.join(','));
  await expect(monitor.locator('[data-result="totalGrowing"]')).toHaveAttribute('data-value', String(run.totalGrowing));
  await expect(monitor.locator('[data-result="timeToDrain"]')).toHaveText(formatDrainTime(run.timeToDrainS));
  await expect(monitor.locator('[data-result="timeToDrain"]')).toHaveAttribute('data-value', String(run.timeToDrainS));
  await expect(monitor.locator('[data-result="activeConsumers"]')).toHaveAttribute('data-value', String(run.assignment.active));
  await expect(monitor.locator('[data-result="activeConsumers"]')).toContainText(`(${run.assignment.idle} idle)`);
  await expect(monitor.locator('.lag-assignment li')).toHaveCount(input.consumers);
  await expect(monitor.locator('.lag-assignment li.lag-idle')).toHaveCount(run.assignment.idle);
}

test('the consumer-lag lesson and its lag monitor, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: eighteen behaviours that each had a load and 60 s of their own.
  test.setTimeout(300_000);
  const lagMonitor = await HydratedWidget.open(page, {
    path: lesson,
    name: 'lag-monitor',
    widget: (p) => p.getByRole('form', { name: 'Lag monitor' }),
  });
  async function fill(monitor: Locator, values: Partial<LagMonitorFormInput>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await monitor.locator(`input[name="${name}"]`).fill(value);
  }

  await lagMonitor.check('the lesson renders its formulas, both diagrams and no KaTeX errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consumer lag');
    expect(await page.locator('.katex').count()).toBeGreaterThan(15);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /A partition's log, its committed offset and its log-end offset/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /8 consumers on 6 partitions/ })).toContainText('consumer 7: idle');
    await expect(page.getByRole('img', { name: /4 consumers on 6 partitions/ })).not.toContainText('idle');
  });

  await lagMonitor.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="consumer-lag"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade consumer-lag');
  });

  await lagMonitor.check('without JavaScript, the lag monitor shows the default scenario computed at build time, with both charts', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const monitor = staticPage.getByRole('form', { name: 'Lag monitor' });
      await expectMonitorShows(monitor, toInput(DEFAULT_LAG_MONITOR_FORM));
      await expect(monitor.getByRole('img', { name: /Produced and consumed offsets/ })).toBeVisible();
      await expect(monitor.getByRole('img', { name: /Partition lag and alert thresholds/ })).toBeVisible();
      await expect(monitor.locator('input[name="consumers"]')).toHaveValue(DEFAULT_LAG_MONITOR_FORM.consumers);
    });
  });

  await lagMonitor.step('the lag monitor starts falling behind: 2 idle consumers, a growing lag that never drains', async (monitor) => {
    await expect(monitor.locator('[data-result="alert"]')).toHaveText('Growing (all 6 partitions)');
    await expect(monitor.locator('[data-result="timeToDrain"]')).toHaveText('never at these rates');
    await expect(monitor.locator('[data-result="activeConsumers"]')).toContainText('6 (2 idle)');
  });

  await lagMonitor.step('the lag monitor follows the controls with the model: more partitions put the idle consumers to work and the lag drains', async (monitor) => {
    await fill(monitor, { partitions: '8' });
    await expectMonitorShows(monitor, { productionRate: 2500, hotKeyRate: 0, consumerRate: 400, consumers: 8, partitions: 8 });
    await expect(monitor.locator('[data-result="alert"]')).toContainText('OK');
    await fill(monitor, { productionRate: '3100', hotKeyRate: '150', consumerRate: '350', consumers: '5', partitions: '7' });
    await expectMonitorShows(monitor, { productionRate: 3100, hotKeyRate: 150, consumerRate: 350, consumers: 5, partitions: 7 });
  });

  await lagMonitor.step('the lag monitor judges the group by its worst partition: a hot key grows partition 0 while the total falls', async (monitor) => {
    await fill(monitor, { productionRate: '2400', hotKeyRate: '300', consumerRate: '500', consumers: '6', partitions: '6' });
    await expectMonitorShows(monitor, { productionRate: 2400, hotKeyRate: 300, consumerRate: 500, consumers: 6, partitions: 6 });
    await expect(monitor.locator('[data-result="alert"]')).toHaveText('Growing (P0)');
    await expect(monitor.locator('[data-result="totalGrowing"]')).toHaveAttribute('data-value', 'false');
    await expect(monitor.locator('.chart-legend').last()).toContainText('Lag of P0, the largest at the end');
  });

  for (const preset of LAG_MONITOR_PRESETS) {
    await lagMonitor.step(`the lag monitor loads the "${preset.label}" scenario from the keyboard and shows the model's numbers`, async (monitor) => {
      await fill(monitor, { productionRate: '1', hotKeyRate: '1', consumerRate: '1', consumers: '1', partitions: '1' });
      await monitor.locator(`button[data-preset="${preset.id}"]`).focus();
      await page.keyboard.press('Enter');
      for (const [name, value] of Object.entries(preset.form)) await expect(monitor.locator(`input[name="${name}"]`)).toHaveValue(value);
      await expectMonitorShows(monitor, toInput(preset.form));
    });
  }

  for (const [name, value, message] of [
    ['productionRate', 'lots', /must be a number/],
    ['productionRate', '-5', /cannot be negative/],
    ['hotKeyRate', '-1', /Hot key rate cannot be negative/],
    ['consumerRate', '0', /more than 0/],
    ['consumers', '2.5', /whole number from 1 to 100/],
    ['partitions', '0', /whole number from 1 to 100/],
    ['partitions', '', /empty/],
  ] as const) {
    await lagMonitor.step(`the lag monitor rejects ${name} = "${value}" with an inline message and never shows NaN`, async (monitor) => {
      await fill(monitor, { [name]: value });
      const input = monitor.locator(`input[name="${name}"]`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const error = monitor.locator(`[data-error-for="${name}"]`);
      await expect(error).toHaveText(message);
      await expect(input).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
      await expect(monitor.locator('[data-result]')).toHaveCount(0);
      await expectNoNonsense(page);
    });
  }

  lagMonitor.expectNoneFailed();
});

async function expectNoNonsense(page: Page): Promise<void> {
  const text = await page.getByRole('form', { name: 'Lag monitor' }).innerText();
  expect(text).not.toMatch(/NaN|undefined/);
}
