/**
 * The Little's Law lesson: its formulas render, its lab embed shows the brief, the contract from the
 * real starter file, the grade command and the points, and its calculator runs the course's model.
 * One load (and one hydration); each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import { capacityPlan } from '../../src/models/module-16/littles-law/capacity';
import { HydratedWidget } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/littles-law/';
const lab = labs.find((l) => l.id === 'littles-law')!;

test("the Little's Law lesson and its capacity calculator, on one load", async ({ page }) => {
  // A guard, not a speed check: nine behaviours that each had a load and 60 s of their own.
  test.setTimeout(180_000);
  const calculator = await HydratedWidget.open(page, {
    path: lesson,
    name: 'capacity-calculator',
    widget: (p) => p.getByRole('form', { name: 'Capacity calculator' }),
  });
  async function fill(form: Locator, values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) await form.locator(`input[name="${name}"]`).fill(value);
    return form;
  }

  await calculator.check('the lesson renders its formulas with KaTeX and no errors', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Little's Law and capacity planning");
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.locator('.katex-display').first()).toContainText('L=λW');
  });

  await calculator.check('the lab embed shows the brief, the signatures from the starter file, the grade command and the points', async () => {
    const embed = page.locator('[data-lab="littles-law"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('the case where λ/μ is a whole number');
    await expect(embed).toContainText('export function minServersForStability(arrivalRate: number, serviceRate: number): number;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade littles-law');
    await embed.getByText(`The ${lab.tests.length} graded tests`).click();
    await expect(embed.locator('.lab-tests li')).toHaveCount(lab.tests.length);
  });

  await calculator.step('the calculator plans 2000 req/s at 50 ms: 100 in service, 101 stable, 143 recommended at 69.9 %', async (widget) => {
    const form = await fill(widget, { arrivalRate: '2000', serviceTimeMs: '50', targetPercent: '70' });
    await expect(form.locator('[data-result="inService"]')).toHaveText('100');
    await expect(form.locator('[data-result="minServers"]')).toHaveText('101');
    await expect(form.locator('[data-result="recommendedServers"]')).toHaveText('143');
    await expect(form.locator('[data-result="utilization"]')).toHaveText('69.9%');
  });

  await calculator.step('the calculator recomputes with the model as the inputs change', async (widget) => {
    const form = await fill(widget, { arrivalRate: '500', serviceTimeMs: '20', targetPercent: '60' });
    const plan = capacityPlan({ arrivalRate: 500, serviceTimeMs: 20, targetUtilization: 0.6 });
    await expect(form.locator('[data-result="inService"]')).toHaveText(String(plan.inService));
    await expect(form.locator('[data-result="minServers"]')).toHaveText(String(plan.minServers));
    await expect(form.locator('[data-result="recommendedServers"]')).toHaveText(String(plan.recommendedServers));
  });

  for (const [name, value, message] of [
    ['arrivalRate', 'lots', /must be a number/],
    ['arrivalRate', '-5', /cannot be negative/],
    ['serviceTimeMs', '0', /more than 0 ms/],
    ['targetPercent', '100', /between 0 and 100/],
    ['serviceTimeMs', '', /empty/],
  ] as const) {
    await calculator.step(`the calculator rejects ${name} = "${value}" with an inline message and never shows NaN`, async (widget) => {
      const form = await fill(widget, { [name]: value });
      const input = form.locator(`input[name="${name}"]`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(form.locator(`[data-error-for="${name}"]`)).toHaveText(message);
      await expect(form.locator('[data-result]')).toHaveCount(0);
      await expect(form).not.toContainText('NaN');
      await expect(form).not.toContainText('Infinity');
    });
  }

  calculator.expectNoneFailed();
});
