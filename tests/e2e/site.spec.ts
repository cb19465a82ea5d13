/**
 * Checks that hold on every page of the built site. Each page is loaded once, and every check that
 * needs a browser runs on that load (tests/e2e/checks.ts; each is a step named after the test it
 * used to be, and a failing step does not stop the others): nothing is fetched from outside
 * 127.0.0.1; the JavaScript budgets; axe finds no serious or critical accessibility violation in the
 * light or the dark theme (nor, for the rules that depend on the screen's width, on a 375 px phone,
 * which gets a load of its own at that width, in a touch context); nothing makes the page scroll
 * sideways on that phone; the chart palette (on the home page) and every chart drawn on a page keep
 * their contrast in both themes; a lesson reads completely without JavaScript (a second context,
 * JavaScript off) and prints as a handout; every widget works by keyboard alone on the first load
 * and by touch on the phone's (checks that change the widgets come after those that read them).
 * Then, from the built HTML in dist/ without a browser: no id is used twice, and every internal
 * link, anchor and asset resolves.
 */
import { existsSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  expectChartsContrast,
  expectFitsPhone,
  expectIslandsLoadWhenInView,
  expectNoAxeViolations,
  expectNoRequestsOutside,
  expectOnlyThemeJavaScript,
  expectPaletteContrast,
  expectPrintsAsHandout,
  expectReadsWithoutJs,
  expectWorksByKeyboard,
  expectWorksByTouch,
  islandNames,
  pickTheme,
  readLesson,
  watchRequests,
  watchScripts,
  type LessonText,
} from './checks';
import { builtHtml, builtPages, labs, pageSummaries, renderEverything, scrollThrough, site, stopRenderingEverything, useTheme } from './pages';

const pages = builtPages();

test.describe('every page', () => {
  for (const summary of pageSummaries()) {
    const { path } = summary;
    const lesson = summary.kind === 'lesson' || summary.kind === 'lesson-with-widgets';
    const islands = summary.islands.length > 0;
    const names = islandNames(summary);
    // Pages that draw a LineChart (src/components/common/LineChart.tsx), in an island or not.
    const charts = builtHtml(path).includes('chart-svg');
    const home = path === '/';
    const checks = [
      'requests',
      'JavaScript budget',
      'axe light, dark and at 375 px',
      ...(home ? ['chart palette contrast'] : []),
      ...(charts ? ['chart contrast'] : []),
      ...(lesson ? ['without JavaScript', 'print'] : []),
      ...(names.length ? ['keyboard', 'touch'] : []),
    ];
    test(`${path}: ${checks.join(', ')} — one load`, async ({ page, browser, baseURL }) => {
      // Everything a page is checked for, axe three times among it: three times the usual guard, and more for a lesson and its widgets.
      test.setTimeout(lesson ? 240_000 + 60_000 * summary.islands.length : 180_000);
      const failed: string[] = [];
      const check = async (name: string, body: () => Promise<void>): Promise<void> => {
        try {
          await test.step(name, body);
        } catch (error) {
          failed.push(`${name}:\n${error instanceof Error ? error.message : String(error)}`);
        }
      };
      const origin = new URL(baseURL!).origin;
      const requests = watchRequests(page, origin);
      const scripts = watchScripts(page);
      await useTheme(page, 'light');
      await page.goto(path);

      if (islands) {
        await check(`${path} loads each island only when it is scrolled into view`, () => expectIslandsLoadWhenInView(page, summary, scripts));
      }
      await renderEverything(page);
      await scrollThrough(page);
      if (!islands) {
        await check(`${path} (${summary.kind}) loads no JavaScript beyond the theme's`, () => expectOnlyThemeJavaScript(page, summary, scripts));
      }

      await check(`${path} has no serious or critical accessibility violation in the light theme`, async () => {
        await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'light');
        await expectNoAxeViolations(page, `${path} in the light theme`);
      });

      let withJs: LessonText | undefined;
      if (lesson) {
        // The lesson as read with JavaScript, every island hydrated: what the no-JavaScript reading must equal.
        const hydrated = page.locator('astro-island');
        for (let i = 0; i < summary.islands.length; i++) await expect(hydrated.nth(i)).not.toHaveAttribute('ssr', { timeout: 30_000 });
        withJs = await readLesson(page);
      }

      // Colour contrast (WCAG 1.4.11) in both themes on this one load: light now, dark once the theme picker has switched it.
      if (home) {
        await check('chart colours keep 3:1 contrast against the page in the light theme (WCAG 1.4.11)', async () => {
          await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'light');
          await expectPaletteContrast(page);
        });
      }
      if (charts) {
        await check(`the charts on ${path} keep their contrast in the light theme`, async () => {
          await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'light');
          await expectChartsContrast(page, path);
        });
      }

      // Only colour depends on the theme: the light run checks every rule, the dark run the colour rules.
      await check(`${path} has no serious or critical accessibility violation in the dark theme`, async () => {
        await pickTheme(page, 'dark');
        await expectNoAxeViolations(page, `${path} in the dark theme`, ['color-contrast', 'link-in-text-block']);
      });
      if (home) {
        await check('chart colours keep 3:1 contrast against the page in the dark theme (WCAG 1.4.11)', async () => {
          await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'dark');
          await expectPaletteContrast(page);
        });
      }
      if (charts) {
        await check(`the charts on ${path} keep their contrast in the dark theme`, async () => {
          await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', 'dark');
          await expectChartsContrast(page, path);
        });
      }

      if (lesson) {
        // Dark on screen is the harder case: the handout must still come out in the light palette.
        await check(`${path} prints as a handout`, async () => {
          await stopRenderingEverything(page);
          await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
          await expectPrintsAsHandout(page);
        });
        await page.emulateMedia({ media: 'screen' });
      }

      // Last on this load, as they change what the widgets show: each widget by keyboard alone.
      for (const { index, name } of names) {
        await check(`${name} on ${path}: every control is reached with Tab, shows focus, and works from the keyboard`, () => expectWorksByKeyboard(page, index, name));
      }

      // A 375 px touch phone gets a page of its own, loaded at that width: the page must fit it, then each widget is tapped.
      const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
      try {
        const phone = await phoneContext.newPage();
        const phoneRequests = watchRequests(phone, origin);
        await check(`${path} does not scroll sideways, and what scrolls inside is reachable by keyboard`, async () => {
          await useTheme(phone, 'light');
          await phone.goto(path);
          await renderEverything(phone);
          await scrollThrough(phone);
          await expectFitsPhone(phone, path);
        });
        for (const { index, name } of names) {
          await check(`${name} on ${path}: controls are at least 24 px square, inside the screen, and work by tapping`, () => expectWorksByTouch(phone, index, name));
        }

        await check(`${path} requests nothing from outside 127.0.0.1`, async () => {
          expectNoRequestsOutside(path, requests);
          expect(phoneRequests.outside, `requests from ${path} on a phone that leave 127.0.0.1`).toEqual([]);
        });
      } finally {
        await phoneContext.close();
      }

      if (lesson) {
        await check(`${path} reads completely without JavaScript`, async () => {
          expect(withJs, 'the lesson was read with JavaScript on').toBeDefined();
          await expectReadsWithoutJs(browser, summary, withJs!);
        });
      }
      expect(failed, `checks that failed on ${path}`).toEqual([]);
    });
  }
});

test('every internal link, anchor and asset on every page resolves', () => {
  // Read from dist/, as `astro preview` serves it: a path ending in "/" is its index.html.
  const broken: string[] = [];
  let links = 0;
  const idsByPath = new Map<string, Set<string> | undefined>();
  const isFile = (path: string): boolean => {
    const file = site.file(path);
    return existsSync(file) && statSync(file).isFile();
  };
  const idsOf = (path: string): Set<string> | undefined => {
    if (!idsByPath.has(path)) {
      idsByPath.set(path, isFile(path) ? new Set([...builtHtml(path).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)) : undefined);
    }
    return idsByPath.get(path);
  };
  for (const path of pages) {
    const html = builtHtml(path);
    for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
      if (!href || /^(https?:|mailto:)/.test(href)) continue;
      const url = new URL(href.replace(/&amp;/g, '&'), `http://127.0.0.1${path}`);
      links++;
      const ids = idsOf(url.pathname);
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
      if (!isFile(url.pathname)) broken.push(`${path} → ${asset} (asset not found)`);
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

test("every hint's lesson section exists", () => {
  const missing: string[] = [];
  for (const lab of labs) {
    const lesson = `/${lab.lesson}/`;
    expect(existsSync(site.file(lesson)), `lab ${lab.id}'s lesson ${lesson} is missing`).toBe(true);
    const html = builtHtml(lesson);
    for (const test of lab.tests) {
      if (!html.includes(`id="${test.hints.section}"`)) missing.push(`${lab.id}: "${test.name}" → #${test.hints.section}`);
    }
  }
  expect(missing).toEqual([]);
});
