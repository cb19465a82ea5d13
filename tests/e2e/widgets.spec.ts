/**
 * Every widget on every page works by keyboard alone and by touch: each control can be reached with
 * Tab and shows where the focus is, each (or its label) is at least 24 × 24 px (WCAG 2.2, 2.5.8), and
 * operating the controls changes what the widget shows. Chart colours keep their contrast in both
 * themes, checked on one load per page (light, then dark through the theme picker).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { contrastRatio } from '../../scripts/lib/contrast';
import { pickTheme } from './checks';
import { Checklist } from './one-load';
import { builtHtml, pageSummaries, scrollThrough, useTheme } from './pages';

const widgetPages = pageSummaries().filter((p) => p.islands.length > 0);
/** Every island on every page; a widget used twice on a page is told apart by its place ("Chart 2 of 3"). */
const islands = widgetPages.flatMap((page) =>
  page.islands.map((island, index) => {
    const same = page.islands.filter((i) => i.name === island.name);
    const place = same.length > 1 ? ` ${page.islands.slice(0, index + 1).filter((i) => i.name === island.name).length} of ${same.length}` : '';
    return { path: page.path, index, name: `${island.name}${place}`, jsOnly: island.jsOnly };
  }),
).filter((island) => !island.jsOnly); // the lab launcher has its own keyboard and axe checks (lab-runner.spec.ts)

/** What a reader can operate: enabled form controls, buttons, links, summaries and custom tab stops. */
const CONTROLS =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

async function hydrated(page: Page, path: string, index: number): Promise<Locator> {
  await page.goto(path);
  const island = page.locator('astro-island').nth(index);
  await island.scrollIntoViewIfNeeded();
  await expect(island, 'the island hydrates once in view').not.toHaveAttribute('ssr', { timeout: 30_000 }); // a hang guard under npm test's load, not a speed check
  return island;
}

/** What the widget shows: its markup, which changes when its output, chart or state changes. */
const shown = (island: Locator) => island.evaluate((el) => el.innerHTML);

/** A short description of a control for messages: `input[name=arrivalRate]`, `button "Step"`. */
const describe = (control: Locator) =>
  control.evaluate((el) => {
    const name = el.getAttribute('name');
    const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim().slice(0, 30);
    return `${el.tagName.toLowerCase()}${name ? `[name=${name}]` : ''}${label ? ` "${label}"` : ''}`;
  });

/** Operates the focused control with the keyboard, the way its kind is operated. */
async function operateByKeyboard(page: Page, control: Locator): Promise<void> {
  const { tag, type } = await control.evaluate((el) => ({ tag: el.tagName.toLowerCase(), type: (el as HTMLInputElement).type }));
  if (tag === 'select') await page.keyboard.press('ArrowDown');
  else if (tag === 'input' && (type === 'range' || type === 'radio')) await page.keyboard.press('ArrowRight');
  else if (tag === 'input' && type === 'checkbox') await page.keyboard.press('Space');
  else if (tag === 'input' || tag === 'textarea') {
    await page.keyboard.press('End');
    await page.keyboard.type('1');
  } else await page.keyboard.press('Enter');
}

test.describe('every widget by keyboard alone', () => {
  for (const { path, index, name } of islands) {
    test(`${name} on ${path}: every control is reached with Tab, shows focus, and works from the keyboard`, async ({ page }) => {
      const island = await hydrated(page, path, index);
      const controls = island.locator(CONTROLS);
      const count = await controls.count();
      expect(count, `controls in ${name} (a widget with nothing to operate should be a static component without client:visible)`).toBeGreaterThan(0);

      // Tab from the first control through the widget: every control is a stop (a radio group is one stop).
      await controls.first().focus();
      const groups = await controls.evaluateAll((els) =>
        els.map((el, i) => (el instanceof HTMLInputElement && el.type === 'radio' ? `radio group "${el.name}"` : `control ${i}`)),
      );
      const reached = new Set<string>();
      const noFocusRing: string[] = [];
      for (let step = 0; step <= count; step++) {
        const focused = await island.evaluate((root, selector) => {
          const el = document.activeElement as HTMLElement | null;
          const i = el ? [...root.querySelectorAll(selector)].indexOf(el) : -1;
          if (!el || i < 0) return null;
          const style = getComputedStyle(el);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return { i, ring, html: el.outerHTML.slice(0, 80) };
        }, CONTROLS);
        if (!focused) break;
        reached.add(groups[focused.i]!);
        if (!focused.ring) noFocusRing.push(focused.html);
        await page.keyboard.press('Tab');
      }
      const unreached = [...new Set(groups)].filter((g) => !reached.has(g));
      expect(unreached, `controls of ${name} that pressing Tab from its first control never reaches`).toEqual([]);
      expect(noFocusRing, 'controls that show no focus indicator when focused from the keyboard').toEqual([]);

      // Operate each control from the keyboard; at least one must change what the widget shows.
      const before = await shown(island);
      const changed: string[] = [];
      for (let i = 0; i < count; i++) {
        const control = controls.nth(i);
        if (!(await control.isEnabled())) continue;
        await control.focus();
        const was = await shown(island);
        await operateByKeyboard(page, control);
        if ((await shown(island)) !== was) changed.push(await describe(control));
      }
      expect(changed.length, `controls of ${name} that changed the widget when operated from the keyboard`).toBeGreaterThan(0);
      expect(await shown(island)).not.toBe(before);
    });
  }
});

test.describe('every widget by touch on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  for (const { path, index, name } of islands) {
    test(`${name} on ${path}: controls are at least 24 px square, inside the screen, and work by tapping`, async ({ page }) => {
      const island = await hydrated(page, path, index);
      const controls = island.locator(CONTROLS);
      const count = await controls.count();
      expect(count, `controls in ${name}`).toBeGreaterThan(0);

      const tooSmall: string[] = [];
      const offScreen: string[] = [];
      const width = page.viewportSize()!.width;
      for (const control of await controls.all()) {
        const box = await control.boundingBox();
        if (!box) continue;
        // Tapping a control's <label> operates it too, so a small checkbox with a big label is fine.
        const labels = await control.evaluate((el) =>
          [...((el as HTMLInputElement).labels ?? [])].map((l) => ({ width: l.getBoundingClientRect().width, height: l.getBoundingClientRect().height })),
        );
        const big = (b: { width: number; height: number }) => b.width >= 24 && b.height >= 24;
        if (!big(box) && !labels.some(big)) tooSmall.push(`${await describe(control)} is ${Math.round(box.width)} × ${Math.round(box.height)} px, and so is any label it has`);
        if (box.x < 0 || box.x + box.width > width + 1) offScreen.push(`${await describe(control)} spans ${Math.round(box.x)}–${Math.round(box.x + box.width)} px`);
      }
      expect(tooSmall, 'touch targets smaller than 24 × 24 px').toEqual([]);
      expect(offScreen, `controls cut off by the ${width} px screen`).toEqual([]);

      const changed: string[] = [];
      for (let i = 0; i < count; i++) {
        const control = controls.nth(i);
        if (!(await control.isEnabled())) continue;
        const was = await shown(island);
        const { tag, type } = await control.evaluate((el) => ({ tag: el.tagName.toLowerCase(), type: (el as HTMLInputElement).type }));
        if (tag === 'input' && type === 'range') {
          const box = (await control.boundingBox())!;
          await control.tap({ position: { x: box.width * 0.8, y: box.height / 2 } });
        } else {
          await control.tap();
          if (tag === 'textarea' || (tag === 'input' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type))) {
            await expect(control, `${await describe(control)} takes focus when tapped`).toBeFocused();
            await page.keyboard.insertText('1'); // what the on-screen keyboard does
          }
        }
        if ((await shown(island)) !== was) changed.push(await describe(control));
      }
      expect(changed.length, `controls of ${name} that changed the widget when tapped`).toBeGreaterThan(0);
    });
  }
});

/** Pages that draw a LineChart (src/components/common/LineChart.tsx), in an island or not. */
const chartPages = pageSummaries().filter((p) => builtHtml(p.path).includes('chart-svg'));

/** The chart palette and the axis label colour against the page's background, as the page shows them now. */
async function expectPaletteContrast(page: Page): Promise<void> {
  const colours = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const read = (value: string) => {
      probe.style.color = value;
      return getComputedStyle(probe).color;
    };
    const palette = [0, 1, 2, 3, 4].map((i) => ({ name: `--chart-${i}`, colour: read(`var(--chart-${i})`) }));
    const text = read('var(--sl-color-gray-2)');
    probe.remove();
    return { palette, text, background: getComputedStyle(document.body).backgroundColor };
  });
  const weak = colours.palette
    .map(({ name, colour }) => ({ name, ratio: contrastRatio(colour, colours.background) }))
    .filter((c) => c.ratio < 3)
    .map((c) => `${c.name} ${c.ratio.toFixed(2)}:1`);
  expect(weak, `series colours below 3:1 against ${colours.background}`).toEqual([]);
  expect(contrastRatio(colours.text, colours.background), 'axis label colour against the page (4.5:1 for text)').toBeGreaterThanOrEqual(4.5);
}

/** Every chart drawn on the page, as it shows them now: lines at 3:1 and text at 4.5:1 against the page. */
async function expectChartsContrast(page: Page, path: string): Promise<void> {
  const drawn = await page.locator('svg.chart-svg').evaluateAll((svgs) =>
    svgs.map((svg) => ({
      lines: [...svg.querySelectorAll('.chart-line')].map((l) => getComputedStyle(l).stroke),
      texts: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', fill: getComputedStyle(t).fill })),
    })),
  );
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(drawn.length, `charts on ${path}`).toBeGreaterThan(0);
  const problems = drawn.flatMap(({ lines, texts }) => [
    ...lines.filter((stroke) => contrastRatio(stroke, background) < 3).map((stroke) => `a series line in ${stroke}`),
    ...texts.filter(({ fill }) => contrastRatio(fill, background) < 4.5).map(({ text, fill }) => `"${text}" in ${fill}`),
  ]);
  expect(problems, `chart lines below 3:1 or chart text below 4.5:1 against ${background}`).toEqual([]);
}

// Both themes on one load: the page opens in the light theme and is switched to the dark one with the
// theme picker, as a reader does (the same switch site.spec.ts makes for axe's dark run).
test('chart colours keep 3:1 contrast against the page in the light and the dark theme (WCAG 1.4.11) — one load', async ({ page }) => {
  const checks = new Checklist('/');
  await useTheme(page, 'light');
  await page.goto('/');
  await checks.check('chart colours keep 3:1 contrast against the page in the light theme (WCAG 1.4.11)', async () => {
    await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'light');
    await expectPaletteContrast(page);
  });
  await checks.check('chart colours keep 3:1 contrast against the page in the dark theme (WCAG 1.4.11)', async () => {
    await pickTheme(page, 'dark');
    await expectPaletteContrast(page);
  });
  checks.expectNoneFailed();
});

for (const { path } of chartPages) {
  test(`the charts on ${path} keep their contrast in the light and the dark theme — one load`, async ({ page }) => {
    const checks = new Checklist(path);
    await useTheme(page, 'light');
    await page.goto(path);
    await scrollThrough(page);
    await checks.check(`the charts on ${path} keep their contrast in the light theme`, async () => {
      await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'light');
      await expectChartsContrast(page, path);
    });
    await checks.check(`the charts on ${path} keep their contrast in the dark theme`, async () => {
      await pickTheme(page, 'dark');
      await expectChartsContrast(page, path);
    });
    checks.expectNoneFailed();
  });
}
