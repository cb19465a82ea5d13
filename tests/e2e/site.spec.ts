/**
 * Checks that hold on every page of the built site: nothing is fetched from outside 127.0.0.1, axe
 * finds no serious or critical accessibility violation, and every internal link and anchor resolves.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtHtml, builtPages, labs } from './pages';

const pages = builtPages();

/** Scrolls to the bottom in steps, so that islands loaded on visibility load too. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
  await page.waitForLoadState('networkidle');
}

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

    test(`${path} has no serious or critical accessibility violation`, async ({ page }) => {
      await page.goto(path);
      await scrollThrough(page);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
      expect(bad, `axe violations on ${path}`).toEqual([]);
    });
  }
});

test('every internal link and anchor on every page resolves', async ({ request }) => {
  const broken: string[] = [];
  let checked = 0;
  const idsByPath = new Map<string, Set<string>>();
  const idsOf = async (path: string): Promise<Set<string> | undefined> => {
    if (!idsByPath.has(path)) {
      const response = await request.get(path);
      if (!response.ok()) return undefined;
      const html = await response.text();
      idsByPath.set(path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    }
    return idsByPath.get(path);
  };
  for (const path of pages) {
    const html = builtHtml(path);
    for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
      if (!href || /^(https?:|mailto:)/.test(href)) continue;
      const url = new URL(href.replace(/&amp;/g, '&'), `http://127.0.0.1${path}`);
      checked++;
      const ids = await idsOf(url.pathname);
      if (!ids) broken.push(`${path} → ${href} (page not found)`);
      else if (url.hash && !ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path} → ${href} (no such anchor)`);
    }
  }
  expect(checked, 'internal links found across the site').toBeGreaterThan(pages.length * 5);
  expect(broken).toEqual([]);
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
