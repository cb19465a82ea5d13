/**
 * The TAO case study: its diagrams and lab embed render, and its walkthrough shows — before and after
 * hydration, step by step, and for other settings — exactly what the walkthrough driver
 * (src/components/widgets/case-studies/tao-walkthrough.ts) computes with the course's TAO model. The end
 * state is also checked against the model itself, run here directly. One load with JavaScript and one
 * without; each behaviour is a named step (tests/e2e/one-load.ts).
 */
import { expect, test, type Locator } from '@playwright/test';
import {
  answerText,
  buildWalkthrough,
  DEFAULT_SETTINGS,
  REGIONS,
  type WalkthroughSettings,
  type WalkthroughStep,
} from '../../src/components/widgets/case-studies/tao-walkthrough';
import { VirtualTime } from '../../src/models/common/virtual-time';
import { Tao, type Assoc, type GraphStore } from '../../src/models/case-studies/tao-cache/tao-cache';
import { HydratedWidget, pressUnlessDisabled, withoutJavaScript } from './one-load';
import { labs } from './pages';

const lesson = '/case-studies/tao/';
const lab = labs.find((l) => l.id === 'tao-cache')!;

/** What a step should look like in the widget, in the same shape as {@link shown}. */
function expected(step: WalkthroughStep, index: number, total: number) {
  return {
    step: `Step ${index + 1} of ${total}`,
    time: `t = ${step.t} ms`,
    narration: step.narration,
    reads: REGIONS.flatMap((r) => step.reads[r].map((x, i) => `${r}${i + 1}: ${answerText(x)}/${x.from}/${x.stale}`)),
    inFlight: step.inFlight.length,
  };
}

/** What the widget shows right now. */
async function shown(widget: Locator) {
  return widget.evaluate((root) => {
    const text = (result: string) => root.querySelector(`[data-result="${result}"]`)!.textContent!.trim();
    const reads = [...root.querySelectorAll<HTMLElement>('[data-result^="read-"]')].map(
      (li) => `${li.dataset.result!.slice(5)}: ${li.querySelector('.tao-walk-answer')!.textContent}/${li.dataset.from}/${li.dataset.stale}`,
    );
    const flight = text('in-flight');
    return {
      step: text('step'),
      time: text('time'),
      narration: text('narration'),
      reads,
      inFlight: flight.startsWith('No ') ? 0 : flight.split(';').length,
    };
  });
}

/** Presses Next through every step, checking each against the driver. */
async function walk(widget: Locator, steps: WalkthroughStep[]): Promise<void> {
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) await widget.locator('[data-action="next"]').click();
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step ${i + 1} of ${steps.length}`);
    expect(await shown(widget), `step ${i + 1}`).toEqual(expected(steps[i]!, i, steps.length));
  }
}

/** The write run straight through the model: what a read at every follower returns once all invalidations have arrived. */
async function finalReads(settings: WalkthroughSettings): Promise<string[]> {
  const time = new VirtualTime();
  const comments = new Map<number, Assoc>([[771, { id1: 632, atype: 'COMMENT', id2: 771, time: 100 }]]);
  const later = <T,>(answer: () => T) => time.sleep(10).then(answer);
  const store: GraphStore = {
    getObject: () => later(() => undefined),
    getAssocs: () => later(() => [...comments.values()]),
    countAssocs: () => later(() => comments.size),
    putObject: () => later(() => undefined),
    addAssoc: (a) => later(() => void comments.set(a.id2, a)),
  };
  const lag = settings.lagMs as Record<string, number>;
  const tao = new Tao({ store, channel: { send: (region) => time.sleep(lag[region] ?? 0) }, regions: { A: 2, B: 2, C: 2 }, masterRegion: 'A' });
  await time.settle(tao.follower(settings.writer, 0).addAssoc({ id1: 632, atype: 'COMMENT', id2: 790, time: 200 }));
  await time.runUntil(time.now() + 20_000);
  const reads: string[] = [];
  for (const region of REGIONS) {
    for (const i of [0, 1]) {
      const f = tao.follower(region, i);
      const outcome = await time.settle(Promise.all([f.assocCount(632, 'COMMENT'), f.assocRange(632, 'COMMENT', 0, 1)]));
      if (!outcome.settled || !outcome.ok) throw new Error('the model did not answer');
      reads.push(`${region}${i + 1}: ${outcome.value[0]}/${outcome.value[1][0]!.id2}`);
    }
  }
  return reads;
}

const countAndNewest = (step: WalkthroughStep) => REGIONS.flatMap((r) => step.reads[r].map((x, i) => `${r}${i + 1}: ${x.count}/${x.newest}`));

test('the TAO case study and its walkthrough, on one load with JavaScript and one without', async ({ page, browser }) => {
  // A guard, not a speed check: six behaviours that each had a load and 60 s of their own.
  test.setTimeout(180_000);
  const walkthrough = await HydratedWidget.open(page, {
    path: lesson,
    name: 'tao-walkthrough',
    ready: (widget) => expect(widget).toHaveAttribute('data-ready', 'true'),
    reset: (widget) => pressUnlessDisabled(widget.locator('[data-action="reset"]')),
  });

  await walkthrough.check('the case study renders its diagrams, its table of numbers and its lab embed', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Facebook's TAO: a graph cache across regions");
    await expect(page.getByRole('img', { name: 'A checkin as TAO objects and associations' })).toBeVisible();
    await expect(page.getByRole('img', { name: "TAO's regions, leader tiers and follower tiers" })).toBeVisible();
    await expect(page.locator('.katex-error')).toHaveCount(0);
    await expect(page.getByRole('cell', { name: '96.4 % of reads, overall' })).toBeVisible();
    const embed = page.locator('[data-lab="tao-cache"]');
    const points = lab.tests.reduce((sum, t) => sum + t.points, 0);
    await expect(embed).toContainText(`${lab.tests.length} graded tests · ${points} points`);
    await expect(embed).toContainText('export class Tao {');
    await expect(embed).toContainText('assocRange(id1: number, atype: string, pos: number, limit: number): Promise<Assoc[]>;');
    await expect(embed).not.toContainText('not implemented');
    await expect(embed).toContainText('npm run grade tao-cache');
  });

  await walkthrough.check('without JavaScript, the walkthrough shows the first step of its default run, with its controls marked unavailable', async () => {
    await withoutJavaScript(browser, lesson, async (staticPage) => {
      const widget = staticPage.locator('[data-widget="tao-walkthrough"]');
      await expect(widget).toBeVisible();
      const run = await buildWalkthrough(DEFAULT_SETTINGS);
      expect(await shown(widget)).toEqual(expected(run[0]!, 0, run.length));
      for (const action of ['back', 'next', 'reset']) {
        await expect(widget.locator(`[data-action="${action}"]`)).toHaveAttribute('aria-disabled', 'true');
      }
      for (const name of ['writer', 'lagB', 'lagC']) await expect(widget.locator(`select[name="${name}"]`)).toBeDisabled();
    });
  });

  await walkthrough.step('the walkthrough steps through the default write exactly as the model runs it, and ends where the model ends', async (widget) => {
    const steps = await buildWalkthrough(DEFAULT_SETTINGS);
    await walk(widget, steps);
    await expect(widget.locator('[data-action="next"]')).toHaveAttribute('aria-disabled', 'true');
    expect(countAndNewest(steps.at(-1)!)).toEqual(await finalReads(DEFAULT_SETTINGS));
    await widget.locator('[data-action="back"]').click();
    expect(await shown(widget)).toEqual(expected(steps.at(-2)!, steps.length - 2, steps.length));
    await widget.locator('[data-action="reset"]').click();
    expect(await shown(widget)).toEqual(expected(steps[0]!, 0, steps.length));
  });

  await walkthrough.step('the walkthrough shows region C stale until its invalidation arrives, then fresh from the database', async (widget) => {
    for (let i = 0; i < 2; i++) await widget.locator('[data-action="next"]').click();
    await expect(widget.locator('[data-result="time"]')).toHaveText('t = 10 ms');
    await expect(widget.locator('[data-result="read-C1"]')).toHaveAttribute('data-stale', 'true');
    await expect(widget.locator('[data-result="read-B2"]')).toHaveAttribute('data-count', '2');
    await expect(widget.locator('[data-result="read-B2"]')).toHaveAttribute('data-stale', 'false');
    for (let i = 0; i < 2; i++) await widget.locator('[data-action="next"]').click();
    await expect(widget.locator('[data-result="time"]')).toHaveText('t = 3010 ms');
    await expect(widget.locator('[data-result="read-C1"]')).toHaveAttribute('data-stale', 'false');
    await expect(widget.locator('[data-result="read-C1"]')).toHaveAttribute('data-from', 'database');
  });

  await walkthrough.step('the walkthrough works from the keyboard, and keeps focus on Next at the last step', async (widget) => {
    const steps = await buildWalkthrough(DEFAULT_SETTINGS);
    const next = widget.locator('[data-action="next"]');
    await next.focus();
    for (let i = 0; i < steps.length + 1; i++) await page.keyboard.press('Enter');
    await expect(widget.locator('[data-result="step"]')).toHaveText(`Step ${steps.length} of ${steps.length}`);
    await expect(next).toBeFocused();
  });

  await walkthrough.step('the walkthrough reruns the model for a write from the master region with other lags', async (widget) => {
    await widget.getByLabel("Writer's region").selectOption('A');
    await widget.getByLabel('Lag to region B').selectOption('10000');
    await widget.getByLabel('Lag to region C').selectOption('100');
    const settings: WalkthroughSettings = { writer: 'A', lagMs: { B: 10_000, C: 100 } };
    const steps = await buildWalkthrough(settings);
    await expect(widget).toHaveAttribute('data-ready', 'true');
    await expect(widget.locator('[data-result="narration"]')).toHaveText(steps[0]!.narration);
    await walk(widget, steps);
    expect(steps.map((s) => s.region ?? s.kind)).toEqual(['start', 'issued', 'stored', 'C', 'B']);
    expect(countAndNewest(steps.at(-1)!)).toEqual(await finalReads(settings));
  });

  walkthrough.expectNoneFailed();
});
