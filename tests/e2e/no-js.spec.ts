/**
 * Reading without JavaScript: every lesson shows all of its text and formulas with JavaScript off,
 * and each widget shows a static picture of its default state — the same picture the live widget
 * draws once it has hydrated — inside a <WidgetFigure> whose sentence says what the live version adds.
 */
import { expect, test, type Page } from '@playwright/test';
import { lessonPages, renderEverything, scrollThrough } from './pages';

/** The lesson's text as a reader sees it, and each island's text and field values, whitespace-normalised (call renderEverything first: innerText leaves out blocks that skip rendering). */
async function readLesson(page: Page) {
  const content = page.locator('.sl-markdown-content');
  const text = (await content.innerText()).replace(/\s+/g, ' ').trim();
  const islands = await page.locator('astro-island').evaluateAll((els) =>
    els.map((el) => ({
      text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      values: [...el.querySelectorAll('input, select, textarea')].map((c) => (c as HTMLInputElement).value),
    })),
  );
  return { text, islands };
}

/** Where two texts first differ, with some context, for a readable failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `without JavaScript: "…${a.slice(Math.max(0, i - 40), i + 60)}…"\nwith JavaScript:    "…${b.slice(Math.max(0, i - 40), i + 60)}…"`;
}

for (const lesson of lessonPages()) {
  test(`${lesson.path} reads completely without JavaScript`, async ({ browser }) => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const on = await browser.newContext();
    try {
      const page = await off.newPage();
      await page.goto(lesson.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
      await renderEverything(page);
      const withoutJs = await readLesson(page);

      // Formulas: all of them rendered at build time, none failed, all visible.
      await expect(page.locator('.katex'), 'KaTeX formulas on the page, as built').toHaveCount(lesson.formulas);
      await expect(page.locator('.katex-error'), 'formulas KaTeX could not render').toHaveCount(0);
      // Answers folded into <details> open without JavaScript; open them all, then every formula must show.
      const closed = page.locator('.sl-markdown-content details:not([open]) > summary');
      for (let left = await closed.count(); left > 0; left--) await closed.first().click();
      await expect(closed, 'folded answers that do not open without JavaScript').toHaveCount(0);
      const hidden = await page.locator('.sl-markdown-content .katex-html').evaluateAll((formulas) =>
        formulas
          .filter((f) => {
            const box = f.getBoundingClientRect();
            return box.width === 0 || box.height === 0 || getComputedStyle(f).visibility === 'hidden';
          })
          .map((f) => f.textContent ?? ''),
      );
      expect(hidden, 'formulas that take no space on the page').toEqual([]);

      // Widgets: each one server-rendered, visible, framed, and explained.
      const islands = page.locator('astro-island');
      await expect(islands).toHaveCount(lesson.islands.length);
      for (const [index, { name, serverRendered, jsOnly }] of lesson.islands.entries()) {
        // The lab launcher exists only with JavaScript; without it the Lab section's instructions stand.
        if (jsOnly) continue;
        const island = islands.nth(index);
        expect(serverRendered, `${name} is server-rendered (not client:only), so it has a picture without JavaScript`).toBe(true);
        // An island is `display: contents`; its picture is what it holds.
        const height = await island.evaluate((el) => [...el.children].reduce((h, c) => h + c.getBoundingClientRect().height, 0));
        expect(height, `height in px of ${name}'s static picture`).toBeGreaterThan(40);
        const svgs = island.locator('svg');
        for (const svg of await svgs.all()) {
          expect(await svg.locator('path[d], line, rect, circle, polyline').count(), `${name}: a chart drawn in its static picture`).toBeGreaterThan(0);
        }
        const frame = page.locator('[data-widget-figure]').filter({ has: island });
        await expect(frame, `${name} sits in a <WidgetFigure live="…"> (see docs/authoring.md, "A widget")`).toHaveCount(1);
        const note = frame.locator('[data-live-note]');
        await expect(note, `${name}'s sentence on what the live version adds`).toBeVisible();
        expect(((await note.textContent()) ?? '').trim().length, `${name}'s live note says something`).toBeGreaterThan(20);
      }
      // The same lesson with JavaScript on, every island hydrated: the static picture must be the default state.
      const live = await on.newPage();
      await live.goto(lesson.path);
      await renderEverything(live);
      await scrollThrough(live);
      const hydrated = live.locator('astro-island');
      for (let i = 0; i < lesson.islands.length; i++) await expect(hydrated.nth(i)).not.toHaveAttribute('ssr');
      // The JavaScript-only lab launcher ("Open the lab in the browser") is left out of the comparison.
      await live.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '.lab-open { display: none !important; }';
        document.head.append(style);
      });
      const withJs = await readLesson(live);

      for (const [index, { name, jsOnly }] of lesson.islands.entries()) {
        if (jsOnly) continue;
        const [a, b] = [withoutJs.islands[index]!, withJs.islands[index]!];
        expect(a.text, `${name}'s static picture shows what the hydrated widget shows in its default state\n${firstDifference(a.text, b.text)}`).toBe(b.text);
        expect(a.values, `${name}'s fields hold the same values before and after hydration`).toEqual(b.values);
      }
      expect(
        withoutJs.text === withJs.text,
        `the lesson's text without JavaScript is the text with JavaScript\n${firstDifference(withoutJs.text, withJs.text)}`,
      ).toBe(true);
    } finally {
      await off.close();
      await on.close();
    }
  });
}
