/**
 * Checks that hold on every page of the built site: nothing is fetched from outside 127.0.0.1, axe
 * finds no serious or critical accessibility violation in the light or the dark theme (nor, for the
 * rules that depend on the screen's width, on a 375 px phone), nothing makes the page scroll sideways
 * on that phone, no id is used twice, and every internal link, anchor and asset resolves.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtHtml, builtPages, labs, renderEverything, scrollThrough, useTheme } from './pages';

const pages = builtPages();

test.describe('every page', () => {
  for (const path of pages) {
    test(`${path} requests nothing from outside 127.0.0.1`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const outside: string[] = [];
      let seen = 0;
      page.on('request', (request) => {
        const url = request.url();
        seen++;
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
      });
      await page.goto(path);
      await scrollThrough(page);
      expect(seen, 'the page made no requests at all, so the check saw nothing').toBeGreaterThan(1);
      expect(outside, `requests from ${path} that leave 127.0.0.1`).toEqual([]);
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`${path} has no serious or critical accessibility violation in the ${theme} theme`, async ({ page }) => {
        // axe is the slowest check: give it three times the usual guard.
        test.slow();
        await useTheme(page, theme);
        await page.goto(path);
        await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', theme);
        await renderEverything(page);
        await scrollThrough(page);
        // Only colour depends on the theme: the light run checks every rule, the dark run the colour rules
        // (axe is the slowest check here, about 10 s on a long lesson on a busy 2-core machine).
        const axe = new AxeBuilder({ page });
        if (theme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
        const results = await axe.analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
        expect(bad, `axe violations on ${path} in the ${theme} theme`).toEqual([]);
      });
    }
  }
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  for (const path of pages) {
    test(`${path} does not scroll sideways, and what scrolls inside is reachable by keyboard`, async ({ page }) => {
      await page.goto(path);
      await renderEverything(page);
      await scrollThrough(page);
      // Tables, code blocks and display formulas may scroll inside their own box; the page may not.
      const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const scrollsInside = (el: Element | null): boolean => {
          for (let e = el; e && e !== document.body; e = e.parentElement) {
            const overflow = getComputedStyle(e).overflowX;
            if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') return true;
          }
          return false;
        };
        const culprits = [...document.querySelectorAll('body *')]
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > width + 1 && !scrollsInside(el.parentElement) && getComputedStyle(el).position !== 'fixed';
          })
          .slice(0, 5)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> reaches ${Math.round(el.getBoundingClientRect().right)} px`);
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits };
      });
      expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${clientWidth} px screen: ${culprits.join('; ')}`).toBeLessThanOrEqual(clientWidth);

      // What scrolls inside its own box instead must be reachable by keyboard, and targets big enough:
      // the axe rules whose outcome depends on the screen's width.
      const results = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable', 'target-size']).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
      expect(bad, `axe violations on ${path} at 375 px`).toEqual([]);
    });
  }
});

test('every internal link, anchor and asset on every page resolves', async ({ request }) => {
  const broken: string[] = [];
  let links = 0;
  const idsByPath = new Map<string, Set<string>>();
  const status = new Map<string, boolean>();
  const idsOf = async (path: string): Promise<Set<string> | undefined> => {
    if (!idsByPath.has(path)) {
      const response = await request.get(path);
      if (!response.ok()) return undefined;
      const html = await response.text();
      idsByPath.set(path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    }
    return idsByPath.get(path);
  };
  const exists = async (path: string): Promise<boolean> => {
    if (!status.has(path)) status.set(path, (await request.get(path)).ok());
    return status.get(path)!;
  };
  for (const path of pages) {
    const html = builtHtml(path);
    for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
      if (!href || /^(https?:|mailto:)/.test(href)) continue;
      const url = new URL(href.replace(/&amp;/g, '&'), `http://127.0.0.1${path}`);
      links++;
      const ids = await idsOf(url.pathname);
      if (!ids) broken.push(`${path} → ${href} (page not found)`);
      else if (url.hash && !ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path} → ${href} (no such anchor)`);
    }
    // Stylesheets, scripts, islands' modules, images and icons the page names.
    const assets = [
      ...html.matchAll(/<link\s[^>]*href="([^"]+)"/g),
      ...html.matchAll(/<(?:script|img|source)\s[^>]*src="([^"]+)"/g),
      ...html.matchAll(/\s(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
    ].map((m) => m[1]!);
    for (const asset of assets) {
      if (/^(https?:|data:)/.test(asset)) {
        if (!asset.startsWith('data:')) broken.push(`${path} → ${asset} (an asset from outside the site)`);
        continue;
      }
      const url = new URL(asset.replace(/&amp;/g, '&'), `http://127.0.0.1${path}`);
      if (!(await exists(url.pathname))) broken.push(`${path} → ${asset} (asset not found)`);
    }
  }
  expect(links, 'internal links found across the site').toBeGreaterThan(pages.length * 5);
  expect(broken).toEqual([]);
});

test('no id is used twice on any page', () => {
  // Preact's useId numbers from each island's root, so two islands on one page can mint the same id.
  const duplicates = pages.flatMap((path) => {
    const ids = [...builtHtml(path).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map((id) => `${path}: id="${id}"`);
  });
  expect(duplicates, 'ids used more than once on a page').toEqual([]);
});

test("every hint's lesson section exists", async ({ request }) => {
  const missing: string[] = [];
  for (const lab of labs) {
    const response = await request.get(`/${lab.lesson}/`);
    expect(response.ok(), `lab ${lab.id}'s lesson /${lab.lesson}/ is missing`).toBe(true);
    const html = await response.text();
    for (const test of lab.tests) {
      if (!html.includes(`id="${test.hints.section}"`)) missing.push(`${lab.id}: "${test.name}" → #${test.hints.section}`);
    }
  }
  expect(missing).toEqual([]);
});
