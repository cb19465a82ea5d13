/**
 * The retries lesson and its metastable-failure simulator: the page renders its formulas, diagrams and
 * lab; the simulator's static picture (rendered at build time) is the model's default run and the same
 * picture the hydrated widget draws; once hydrated it re-runs the model as the controls change, and
 * explains bad input inline. One load with JavaScript and one without; each behaviour is a named step
 * (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEFAULT_METASTABLE, type MetastableSettings } from '../../src/models/module-16/retries/metastable';
import { formatRate, readMetastableForm, simulatePair, verdict, DEFAULT_METASTABLE_FORM, type MetastableFormInput } from '../../src/components/widgets/module-16/metastable-simulator';
import { HydratedWidget, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/retries/';
const lab = labs.find((l) => l.id === 'retries')!;

/** Checks the goodput table against the model run on the same settings. */
async function expectTable(widget: Locator, settings: MetastableSettings): Promise<void> {
  const { chosen, other } = simulatePair(settings);
  for (const [which, run] of [
    ['chosen', chosen],
    ['other', other],
  ] as const) {
    await expect(widget.locator(`[data-result="${which}-label"]`)).toHaveText(run.label);
    await expect(widget.locator(`[data-result="${which}-before"]`)).toHaveText(formatRate(run.run.goodput.before));
    await expect(widget.locator(`[data-result="${which}-during"]`)).toHaveText(formatRate(run.run.goodput.during));
    await expect(widget.locator(`[data-result="${which}-after"]`)).toHaveText(formatRate(run.run.goodput.after));
    await expect(widget.locator(`[data-result="${which}-verdict"]`)).toHaveText(verdict(run.run));
  }
}

function settingsOf(form: MetastableFormInput): MetastableSettings {
  const result = readMetastableForm(form);
  if (!result.ok) throw new Error(`the test's form is invalid: ${JSON.stringify(result.errors)}`);
  return result.settings;
}

/** The charts' drawn lines, to compare the static picture with the hydrated one. */
const drawnLines = (widget: Locator) => widget.locator('path.chart-line').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));

test('the retries lesson and its metastable-failure simulator, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: thirteen behaviours that each had a load and 60 s of their own.
  test.setTimeout(300_000);
  const simulator = await HydratedWidget.open(page, {
    path: lesson,
    name: 'metastable',
    widget: (p) => p.getByRole('form', { name: 'Metastable-failure simulator' }),
  });
  async function fill(widget: Locator, values: Partial<MetastableFormInput>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const control = widget.locator(`[name="${name}"]`);
      if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
  }

  await simulator.check('the lesson renders its formulas, both diagrams and no KaTeX errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retries and overload');
    expect(await page.locator('.katex').count()).toBeGreaterThan(15);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const amplification = page.getByRole('img', { name: 'Retries multiply through the layers of a call' });
    await expect(amplification).toBeVisible();
    await expect(amplification).toHaveAccessibleDescription(/database receives 64 calls/);
    await expect(amplification.locator('.retry-amp-dot')).toHaveCount(4 + 16 + 64);
    const loop = page.getByRole('img', { name: 'How a metastable failure starts and why it lasts' });
    await expect(loop).toBeVisible();
    await expect(loop).toHaveAccessibleDescription(/Removing the trigger does not leave this state/);
  });

  await simulator.check('the default run’s figures in the text are the model’s', async () => {
    const { chosen, other } = simulatePair(DEFAULT_METASTABLE);
    const paragraph = page.locator('p').filter({ hasText: 'In the default run, goodput before the spike' });
    await expect(paragraph).toContainText(`goodput before the spike is ${formatRate(chosen.run.goodput.before)} answers per second`);
    await expect(paragraph).toContainText(`is ${formatRate(chosen.run.goodput.after)}: the spike has long gone`);
    await expect(paragraph).toContainText(`goodput returns to ${formatRate(other.run.goodput.after)}`);
  });

  await simulator.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="retries"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export function callWithRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, env: RetryEnv): Promise<T>;');
    await expect(embed).toContainText('export function backoffCeiling(n: number, policy: RetryPolicy): number;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade retries');
  });

  // One page without JavaScript serves both checks of the static picture.
  await withoutJavaScript(browser, lesson, async (staticPage) => {
    const staticWidget = staticPage.getByRole('form', { name: 'Metastable-failure simulator' });

    await simulator.check('without JavaScript, the simulator shows the default runs computed at build time, with its three charts', async () => {
      await expectTable(staticWidget, DEFAULT_METASTABLE);
      await expect(staticWidget.locator('[data-result="chosen-verdict"]')).toHaveText('Still down');
      await expect(staticWidget.locator('[data-result="other-verdict"]')).toHaveText('Recovered');
      for (const name of [/Goodput over time/, /Offered load, retries included/, /Requests at the server/]) {
        await expect(staticWidget.getByRole('img', { name })).toBeVisible();
      }
      await expect(staticWidget.locator('select[name="retry"]')).toHaveValue(DEFAULT_METASTABLE_FORM.retry);
    });

    await simulator.step('the simulator draws after hydration exactly the picture the page was built with', async (widget) => {
      await expectTable(widget, DEFAULT_METASTABLE);
      const hydrated = await drawnLines(widget);
      const staticLines = await drawnLines(staticWidget);
      expect(hydrated.length).toBeGreaterThan(0);
      expect(hydrated).toEqual(staticLines);
    });
  });

  await simulator.step('the simulator re-runs the model when the retry policy changes, from the keyboard', async (widget) => {
    const select = widget.locator('select[name="retry"]');
    await select.focus();
    await page.keyboard.press('ArrowUp');
    await expect(select).toHaveValue('immediate');
    await expectTable(widget, { ...DEFAULT_METASTABLE, retry: 'immediate' });
    await select.selectOption('throttled');
    await expectTable(widget, { ...DEFAULT_METASTABLE, retry: 'throttled' });
    // The budget is compared with the same backoff without one.
    await expect(widget.locator('[data-result="other-label"]')).toHaveText('Backoff with jitter');
  });

  await simulator.step('the simulator recovers without a budget once the load leaves room for every retry', async (widget) => {
    await fill(widget, { offeredLoad: '30' });
    await expectTable(widget, settingsOf({ ...DEFAULT_METASTABLE_FORM, offeredLoad: '30' }));
    await expect(widget.locator('[data-result="chosen-verdict"]')).toHaveText('Recovered');
  });

  for (const [name, value, message] of [
    ['capacity', 'fast', /Capacity must be a number/],
    ['offeredLoad', '500', /Offered load must be from 0 to 200 requests\/s/],
    ['extraLoad', '', /Extra load is empty/],
    ['triggerLength', '0', /Length of the trigger must be from 1 to 90 s/],
    ['timeout', '-1', /Client timeout must be from 0.1 to 10 s/],
  ] as const) {
    await simulator.step(`the simulator rejects ${name} = "${value}" with an inline message and never shows NaN`, async (widget) => {
      await fill(widget, { [name]: value });
      const input = widget.locator(`input[name="${name}"]`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const error = widget.locator(`[data-error-for="${name}"]`);
      await expect(error).toHaveText(message);
      await expect(input).toHaveAttribute('aria-describedby', new RegExp(`${await error.getAttribute('id')}`));
      await expect(widget.locator('[data-result]')).toHaveCount(0);
      await expectNoNonsense(page);
    });
  }

  // Last: it brings in a field the default form does not have.
  await simulator.step('the simulator switches to a slowdown trigger, with its own size field, and follows the other controls', async (widget) => {
    const form: MetastableFormInput = { ...DEFAULT_METASTABLE_FORM, triggerKind: 'slowdown', capacityLostPercent: '40', triggerLength: '15', timeout: '2', maxAttempts: '2', capacity: '120' };
    await fill(widget, { triggerKind: 'slowdown' });
    await expect(widget.locator('input[name="extraLoad"]')).toHaveCount(0);
    await fill(widget, { capacityLostPercent: '40', triggerLength: '15', timeout: '2', maxAttempts: '2', capacity: '120' });
    await expectTable(widget, settingsOf(form));
    await expect(widget.getByRole('img', { name: /Goodput over time.*a slowdown to 60% of capacity from 30 to 45 s/ })).toBeVisible();
  });

  simulator.expectNoneFailed();
});

async function expectNoNonsense(page: Page): Promise<void> {
  const text = await page.getByRole('form', { name: 'Metastable-failure simulator' }).innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity/);
}
