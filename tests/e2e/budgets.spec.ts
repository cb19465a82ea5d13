/**
 * JavaScript budgets, page by page: a page without islands loads the theme's scripts and nothing
 * else, within the budget in scripts/lib/budgets.ts; a page with islands loads each island's module
 * only once the island is scrolled into view.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { JS_BUDGET } from '../../scripts/lib/budgets';
import { isThemeScript } from '../../scripts/lib/site-dist';
import { pageSummaries, root, scrollThrough, site, themeComponents } from './pages';

const pages = pageSummaries();

/** Records the scripts a page requests, with their sizes once they have arrived. */
function watchScripts(page: Page) {
  const requested: string[] = [];
  const sizes = new Map<string, Promise<number>>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    sizes.set(
      new URL(response.url()).pathname,
      response.body().then((body) => body.length, () => 0),
    );
  });
  return { requested, sizes };
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name) && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => join(dir, name));
}

// Astro inlines small component scripts, so they cannot be told from the theme's in the built page;
// the sources can. The course's interactivity lives in islands, which the checks below account for.
test("the course's components and lessons add no <script> of their own", () => {
  const sources = [...filesUnder(join(root, 'src'), /\.astro$/), ...filesUnder(join(root, 'content'), /\.mdx?$/)];
  expect(sources.length, 'components and lessons found').toBeGreaterThan(2);
  const withScripts = sources.filter((file) => {
    // Code shown in a lesson (fenced or inline) is text, not a script on the page.
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    return [...text.matchAll(/<script\b([^>]*)>/g)].some(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs ?? ''));
  });
  expect(withScripts.map((f) => relative(root, f)), 'files with a <script> (make the behaviour a Preact island with client:visible)').toEqual([]);
});

for (const summary of pages.filter((p) => p.islands.length === 0)) {
  test(`${summary.path} (${summary.kind}) loads no JavaScript beyond the theme's`, async ({ page }) => {
    const js = site.javascript(summary.path);
    const notTheme = summary.scriptSrcs.filter((src) => !isThemeScript(src, themeComponents));
    expect(notTheme, "<script src> on the page that are not Starlight's, Astro's prefetch or Expressive Code's").toEqual([]);

    const { requested, sizes } = watchScripts(page);
    await page.goto(summary.path);
    await scrollThrough(page);
    // Starlight imports the search UI once the browser is idle; wait for it so that it is counted too.
    await expect.poll(() => js.themeLazyFiles.every((f) => requested.includes(f)), { message: 'the search UI was imported at idle', timeout: 15_000 }).toBe(true);

    const allowed = new Set([...js.themeFiles, ...js.themeLazyFiles]);
    expect(requested.filter((url) => !allowed.has(url)), 'scripts loaded that the theme does not load').toEqual([]);
    expect(
      await page.locator('astro-island').count(),
      'islands on a page the build says has none',
    ).toBe(0);

    const inline = await page.evaluate(() =>
      [...document.scripts].filter((s) => !s.src && (!s.type || s.type === 'module')).reduce((n, s) => n + new Blob([s.text]).size, 0),
    );
    let atLoad = inline;
    let atIdle = 0;
    for (const url of new Set(requested)) {
      const bytes = await sizes.get(url)!;
      if (js.themeLazyFiles.includes(url)) atIdle += bytes;
      else atLoad += bytes;
    }
    test.info().annotations.push({ type: 'JavaScript', description: `${atLoad} B with the page, ${atIdle} B of search UI at idle` });
    expect(atLoad, `theme JavaScript loaded with ${summary.path}, in bytes`).toBeLessThanOrEqual(JS_BUDGET.themeAtLoad);
    expect(atIdle, `search UI loaded at idle on ${summary.path}, in bytes`).toBeLessThanOrEqual(JS_BUDGET.searchUiAtIdle);
  });
}

for (const summary of pages.filter((p) => p.islands.length > 0)) {
  test(`${summary.path} loads each island only when it is scrolled into view`, async ({ page }) => {
    const eager = summary.islands.filter((i) => i.client !== 'visible').map((i) => `${i.name} (client:${i.client ?? 'none'})`);
    expect(eager, 'islands not using client:visible, which would load their JavaScript before the reader gets to them').toEqual([]);

    const { requested } = watchScripts(page);
    await page.goto(summary.path);
    await page.waitForLoadState('networkidle');

    const islands = page.locator('astro-island:not(astro-island astro-island)');
    const count = await islands.count();
    expect(count, 'islands in the page').toBe(summary.islands.length);
    const atLoad = await islands.evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        return { url: el.getAttribute('component-url')!, inView: box.top < window.innerHeight && box.bottom > 0 };
      }),
    );
    const loadedAtOnce = new Set(requested);
    for (const { url } of atLoad) {
      if (loadedAtOnce.has(url)) {
        expect(atLoad.some((i) => i.url === url && i.inView), `${url} loaded although no island using it was on screen`).toBe(true);
      }
    }
    const islandOnly = site.javascript(summary.path).islandFiles.filter((f) => !atLoad.some((i) => i.url === f));
    if (!atLoad.some((i) => i.inView)) {
      expect(islandOnly.filter((f) => loadedAtOnce.has(f)), 'island modules (renderer, Preact) loaded before any island was on screen').toEqual([]);
    }

    for (let index = 0; index < count; index++) {
      const island = islands.nth(index);
      const { url } = atLoad[index]!;
      const name = summary.islands[index]!.name;
      if (requested.includes(url)) continue; // on screen from the start, or an earlier island of the same component
      await expect(island, `${name} hydrated before it was scrolled into view`).toHaveAttribute('ssr');
      await island.scrollIntoViewIfNeeded();
      await expect.poll(() => requested.includes(url), { message: `${name}'s module ${url} is requested once it is in view` }).toBe(true);
      await expect(island, `${name} hydrates once in view`).not.toHaveAttribute('ssr');
    }
  });
}
