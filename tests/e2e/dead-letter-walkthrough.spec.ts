/**
 * The dead-letter lesson: its formulas and lab embed render, its build-time trace table and its
 * walkthrough widget show what the course's RetryQueue does. The widget is checked step by step
 * against the walkthrough driver (src/components/widgets/module-16/dead-letter-walkthrough.ts), and its end states against
 * the RetryQueue model itself, imported here. One load with JavaScript and one without; each behaviour is
 * a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import {
  buildWalkthrough,
  DEFAULT_PLAN,
  FAILURES,
  initialStep,
  SCENARIO,
  type WalkthroughPlan,
  type WalkthroughStep,
} from '../../src/components/widgets/module-16/dead-letter-walkthrough';
import { RetryQueue } from '../../src/models/module-16/dead-letter-queue/retry-queue';
import { HydratedWidget, pressUnlessDisabled, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/module-16/dead-letter-queues/';
const lab = labs.find((l) => l.id === 'dead-letter-queue')!;

/** What a step should look like in the widget, in the same shape as {@link shown}. */
function expected(step: WalkthroughStep, index: number, total: number) {
  return {
    step: `Step ${index + 1} of ${total}`,
    narration: step.narration,
    queue: step.queue.map((m) => `${m.id}/${m.failures}`),
    acked: step.acked,
    dlq: step.deadLetters.map((d) => `${d.id}/${d.attempts}/${d.error}`),
  };
}

/** What the widget shows right now. */
async function shown(widget: Locator) {
  return widget.evaluate((root) => {
    const items = (result: string) => [...root.querySelectorAll<HTMLElement>(`[data-result="${result}"] li`)];
    return {
      step: root.querySelector('[data-result="step"]')!.textContent!.trim(),
      narration: root.querySelector('[data-result="narration"]')!.textContent!.trim(),
      queue: items('queue').map((li) => `${li.dataset.id}/${li.dataset.failures}`),
      acked: items('acked').map((li) => li.dataset.id!),
      dlq: items('dlq').map((li) => `${li.dataset.id}/${li.dataset.attempts}/${li.querySelector('.dlq-error')!.textContent}`),
    };
  });
}

/** Presses Next through `steps` from `from`, checking every step against the driver. */
async function walk(widget: Locator, steps: WalkthroughStep[], from: number): Promise<void> {
  for (let i = from; i < steps.length; i++) {
    if (i > from) await widget.locator('[data-action="next"]').click();
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step ${i + 1} of ${steps.length}`);
    expect(await shown(widget), `step ${i + 1}`).toEqual(expected(steps[i]!, i, steps.length));
  }
}

/** The scenario run straight through the RetryQueue model: a drain, then `replays` replays and drains. */
async function runModel(plan: WalkthroughPlan) {
  const queue = new RetryQueue<string>({ maxAttempts: plan.maxAttempts });
  for (const m of SCENARIO) queue.publish(m.id, m.body);
  const acked: string[] = [];
  const seen = new Set<string>();
  let fixed = false;
  for (let round = 0; round <= plan.replays.length; round++) {
    if (round > 0) {
      fixed ||= plan.replays[round - 1]!.fixFirst;
      queue.replay();
    }
    const report = await queue.drain((_body, _attempt, id) => {
      const kind = SCENARIO.find((m) => m.id === id)!.behaviour;
      const first = !seen.has(id);
      seen.add(id);
      if (kind === 'poison' && !fixed) throw new Error(FAILURES.poison);
      if (kind === 'fails-once' && first) throw new Error(FAILURES.transient);
    });
    acked.push(...report.acked);
  }
  return { acked, dlq: queue.deadLetters().map((d) => `${d.id}/${d.attempts}/${d.error}`) };
}

test('the dead-letter lesson and its walkthrough, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: eight behaviours that each had a load and 60 s of their own.
  test.setTimeout(240_000);
  const walkthrough = await HydratedWidget.open(page, {
    path: lesson,
    name: 'dead-letter-walkthrough',
    // The widget runs the model once it has hydrated.
    ready: (widget) => expect(widget).toHaveAttribute('data-ready', 'true'),
    reset: (widget) => pressUnlessDisabled(widget.locator('[data-action="reset"]')),
  });

  await walkthrough.check('the lesson renders its formulas, diagram, chart and lab embed', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dead-letter queues');
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.getByRole('img', { name: 'How a message moves through a queue with retries and a dead-letter queue' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Full-jitter backoff' })).toBeVisible();
    const embed = page.locator('[data-lab="dead-letter-queue"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export class RetryQueue<T> {');
    await expect(embed).toContainText('replay(ids?: string[]): number;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade dead-letter-queue');
  });

  await walkthrough.check('the trace table is the model run, delivery by delivery', async () => {
    const steps = (await buildWalkthrough(DEFAULT_PLAN)).slice(1);
    const rows = page.locator('[data-trace="default"] tbody tr');
    await expect(rows).toHaveCount(steps.length);
    for (const [i, step] of steps.entries()) {
      await expect(rows.nth(i).locator('td').nth(1)).toHaveText(`${step.delivery!.id}, attempt ${step.delivery!.attempt}`);
    }
    await expect(rows.last().locator('td').last()).toHaveText('order-3 after 3');
  });

  await walkthrough.check('without JavaScript, the walkthrough shows the first step of its default run, with its controls marked unavailable', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="dead-letter-walkthrough"]');
      await expect(widget).toBeVisible();
      const run = await buildWalkthrough(DEFAULT_PLAN);
      expect(await shown(widget)).toEqual(expected(run[0]!, 0, run.length));
      expect(run[0]).toEqual(initialStep());
      for (const action of ['back', 'next', 'reset', 'replay']) {
        await expect(widget.locator(`[data-action="${action}"]`)).toHaveAttribute('aria-disabled', 'true');
      }
      await expect(widget.locator('select[name="maxAttempts"]')).toBeDisabled();
    });
  });

  await walkthrough.step('the walkthrough steps through every delivery exactly as the model runs it, and back', async (widget) => {
    const steps = await buildWalkthrough(DEFAULT_PLAN);
    await walk(widget, steps, 0);
    await expect(widget.locator('[data-action="next"]')).toHaveAttribute('aria-disabled', 'true');
    await widget.locator('[data-action="back"]').click();
    expect(await shown(widget)).toEqual(expected(steps[steps.length - 2]!, steps.length - 2, steps.length));
    const model = await runModel(DEFAULT_PLAN);
    expect(steps.at(-1)!.acked).toEqual(model.acked);
    expect(expected(steps.at(-1)!, 0, 1).dlq).toEqual(model.dlq);
  });

  await walkthrough.step('the walkthrough works from the keyboard, and keeps focus on Next at the last step', async (widget) => {
    const steps = await buildWalkthrough(DEFAULT_PLAN);
    const next = widget.locator('[data-action="next"]');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step 2 of ${steps.length}`);
    for (let i = 2; i < steps.length + 2; i++) await page.keyboard.press('Space');
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step ${steps.length} of ${steps.length}`);
    await expect(next).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(widget.locator('[data-action="back"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step ${steps.length - 1} of ${steps.length}`);
  });

  await walkthrough.step('the walkthrough runs the model again with another number of attempts, and starts over', async (widget) => {
    await widget.getByLabel('Attempts before dead-lettering').selectOption('1');
    const plan = { maxAttempts: 1, replays: [] };
    const steps = await buildWalkthrough(plan);
    await walk(widget, steps, 0);
    const model = await runModel(plan);
    expect((await shown(widget)).dlq).toEqual(model.dlq);
    expect(model.dlq.map((d) => d.split('/')[0])).toEqual(['order-3', 'order-4']);
    await widget.locator('[data-action="reset"]').click();
    expect(await shown(widget)).toEqual(expected(steps[0]!, 0, steps.length));
  });

  await walkthrough.step('the walkthrough replays the dead letter after the fix, with its attempt count reset, and the order is acked', async (widget) => {
    const before = await buildWalkthrough(DEFAULT_PLAN);
    const plan = { ...DEFAULT_PLAN, replays: [{ fixFirst: true }] };
    const steps = await buildWalkthrough(plan);
    const replay = widget.locator('[data-action="replay"]');
    await expect(replay).toHaveAttribute('aria-disabled', 'true');
    for (let i = 1; i < before.length; i++) await widget.locator('[data-action="next"]').click();
    await expect(replay).not.toHaveAttribute('aria-disabled');
    await replay.click();
    await walk(widget, steps, before.length);
    const model = await runModel(plan);
    expect(await shown(widget)).toMatchObject({ acked: model.acked, dlq: model.dlq });
    expect(model.acked).toContain('order-3');
  });

  await walkthrough.step('the walkthrough: replayed without the fix, the poison order fails its attempts again and returns to the DLQ', async (widget) => {
    const before = await buildWalkthrough(DEFAULT_PLAN);
    const plan = { ...DEFAULT_PLAN, replays: [{ fixFirst: false }] };
    const steps = await buildWalkthrough(plan);
    await widget.getByLabel('Fix the consumer before replaying').uncheck();
    for (let i = 1; i < before.length; i++) await widget.locator('[data-action="next"]').click();
    await widget.locator('[data-action="replay"]').click();
    await walk(widget, steps, before.length);
    expect((await shown(widget)).dlq).toEqual((await runModel(plan)).dlq);
  });

  walkthrough.expectNoneFailed();
});
