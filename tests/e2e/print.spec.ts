/**
 * Print: every lesson prints as a clean handout (src/styles/print.css on top of Starlight's print
 * styles) — no navigation, the text at full width, formulas and figures kept, external links followed
 * by their address, folded answers printed open.
 */
import { expect, test } from '@playwright/test';
import { contrastRatio } from '../../scripts/lib/contrast';
import { lessonPages, scrollThrough, useTheme } from './pages';

/** Navigation that has no place on paper. */
const NAVIGATION = {
  'the header (site title, search, theme picker)': '.page > header',
  'the sidebar': 'nav.sidebar',
  '"On this page"': '.right-sidebar-container',
  'the mobile "On this page"': 'mobile-starlight-toc',
  'the previous/next links': '.pagination-links',
  'the skip link': 'a[href="#_top"]',
  'the search box': 'site-search',
  'the theme picker': 'starlight-theme-select',
  'heading anchor links': '.sl-anchor-link',
};

for (const lesson of lessonPages()) {
  // Dark on screen is the harder case: the handout must still come out in the light palette.
  test(`${lesson.path} prints as a handout`, async ({ page }) => {
    await useTheme(page, 'dark');
    await page.goto(lesson.path);
    await scrollThrough(page);
    await page.emulateMedia({ media: 'print' });

    const shownNavigation: string[] = [];
    for (const [what, selector] of Object.entries(NAVIGATION)) {
      for (const element of await page.locator(selector).all()) {
        if (await element.isVisible()) shownNavigation.push(`${what} (${selector})`);
      }
    }
    expect([...new Set(shownNavigation)], 'navigation still shown in print').toEqual([]);

    const content = page.locator('.sl-markdown-content');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const widths = await page.evaluate(() => ({
      content: document.querySelector('.sl-markdown-content')!.getBoundingClientRect().width,
      page: document.documentElement.clientWidth,
    }));
    expect(widths.content / widths.page, 'share of the page width the text uses in print').toBeGreaterThan(0.85);

    const formulas = content.locator('.katex-html');
    const hiddenFormulas: string[] = [];
    for (const formula of await formulas.all()) if (!(await formula.isVisible())) hiddenFormulas.push((await formula.textContent()) ?? '');
    expect(hiddenFormulas, 'formulas hidden in print').toEqual([]);

    const figures = await content.locator('svg').evaluateAll((svgs) =>
      svgs
        .filter((svg) => svg.getAttribute('aria-hidden') !== 'true' && svg.getBoundingClientRect().width >= 100)
        .map((svg) => ({ id: svg.outerHTML.slice(0, 60), shown: svg.getBoundingClientRect().height > 0 })),
    );
    expect(figures.filter((f) => !f.shown).map((f) => f.id), 'figures hidden in print').toEqual([]);

    const links = await content.locator('a[href^="http"]').evaluateAll((anchors) =>
      anchors.map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
    );
    expect(links.length, 'external links in the lesson (its sources)').toBeGreaterThan(0);
    expect(links.filter((l) => !l.after.includes(l.href)).map((l) => l.href), 'external links printed without their address').toEqual([]);

    const folded = await content.locator('details:not([open])').evaluateAll((all) =>
      all.map((d) => ({
        summary: d.querySelector('summary')?.textContent?.trim().slice(0, 50) ?? '',
        shown: [...d.children].filter((c) => c.tagName !== 'SUMMARY').every((c) => c.getBoundingClientRect().height > 0),
      })),
    );
    expect(folded.filter((d) => !d.shown).map((d) => d.summary), 'folded answers left closed in print').toEqual([]);

    // Paper is white: the text and the chart palette must stand out on white, whatever the screen theme.
    const colours = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.body.append(probe);
      const read = (value: string) => {
        probe.style.color = value;
        return getComputedStyle(probe).color;
      };
      const result = { text: read('var(--sl-color-white)'), chart: [0, 1, 2, 3, 4].map((i) => read(`var(--chart-${i})`)) };
      probe.remove();
      return result;
    });
    const white = 'rgb(255, 255, 255)';
    expect(contrastRatio(colours.text, white), 'contrast of the printed text on white').toBeGreaterThanOrEqual(7);
    expect(colours.chart.filter((c) => contrastRatio(c, white) < 3), 'chart colours below 3:1 on white paper').toEqual([]);
  });
}
