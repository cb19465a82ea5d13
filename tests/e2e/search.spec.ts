/**
 * Search works offline: Starlight's search box (Pagefind, indexed at build time and served from
 * dist/pagefind/) finds every lesson by its title, every lab by its id and its title, and every
 * formula by the name of the section that states it — among the first results the box shows, and
 * without a request leaving 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeEntities } from '../../scripts/lib/site-dist';
import { builtHtml, labs, lessonPages, site } from './pages';

const lessons = lessonPages();

interface Query {
  query: string;
  /** The page that must be among the results the search box shows (as a result, or a section of one). */
  expect: string;
}

/** Sections that state a display formula, named by their heading; headings shared by several pages (such as "Worked examples") name no formula and are left out. */
function formulaSections(): Query[] {
  const sections: (Query & { name: string })[] = [];
  const headingCount = new Map<string, number>();
  for (const lesson of lessons) {
    const html = builtHtml(lesson.path);
    const headings = [...html.matchAll(/<h([23]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
      at: m.index,
      id: m[2]!,
      // A heading with math in it is not something a reader can type; it names no formula here.
      name: m[3]!.includes('katex') ? '' : decodeEntities(m[3]!.replace(/<[^>]+>/g, '')).trim(),
    }));
    for (const name of new Set(headings.map((h) => h.name))) headingCount.set(name, (headingCount.get(name) ?? 0) + 1);
    const withFormula = new Set<string>();
    for (const formula of html.matchAll(/class="katex-display"/g)) {
      const heading = headings.filter((h) => h.at < formula.index).pop();
      if (heading && !withFormula.has(heading.id)) {
        withFormula.add(heading.id);
        // Typed as a reader types it: straight apostrophes and quotes, not the typographic ones in the heading.
        const query = heading.name.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
        sections.push({ name: heading.name, query, expect: lesson.path });
      }
    }
  }
  return sections.filter((s) => s.name && headingCount.get(s.name) === 1);
}

/** Opens the search box, as a reader would, and returns a function that searches and lists the result links shown (their hrefs). */
async function openSearch(page: Page, outside: string[]) {
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:') && !/^(data|blob):/.test(request.url())) outside.push(request.url());
  });
  await page.goto('/');
  // The search box is built when the reader first reaches for it (src/components/overrides/Search.astro):
  // not there with the page, there and focused once the dialog opens.
  const input = page.locator('.pagefind-ui__search-input');
  await expect(input).toHaveCount(0);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(input).toBeFocused();
  return async (query: string): Promise<string[]> => {
    // Clear the box first: Pagefind's UI reuses the result items of the previous search and keeps
    // showing their old text until the new data arrives; from an empty box every result starts afresh.
    await input.fill('');
    await expect(page.locator('.pagefind-ui__result'), 'results left from the previous search').toHaveCount(0, { timeout: 10_000 });
    await input.fill(query);
    // The box's final state for this query, awaited in the page at every frame (the assertions below
    // then hold at once, or fail with their own messages): Playwright's own retries back off to 500 ms
    // between tries, and four of them per query over some eighty queries added up (the three search
    // tests took 118 s instead of 178 s with this, measured on the loaded 2-core machine).
    await page
      .waitForFunction(
        (query) => {
          const text = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
          if (!text.startsWith(` for ${query}`, text.indexOf(' for ')) || !/^(\d+ results?|No results) for /.test(text)) return false;
          const found = Number.parseInt(text, 10) || 0;
          return document.querySelectorAll('.pagefind-ui__result').length === Math.min(found, 5) && !document.querySelector('.pagefind-ui__result .pagefind-ui__loading');
        },
        query,
        { timeout: 10_000, polling: 'raf' },
      )
      .catch(() => {});
    const message = page.locator('.pagefind-ui__message');
    // Wait for the final count ("3 results for …", "No results for …"), not "Searching for …", which
    // Pagefind shows first and which would parse as no results.
    const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(message).toHaveText(new RegExp(`^(\\d+ results?|No results) for ${escaped}`), { timeout: 10_000 });
    // "3 results for …" (or "No results for …"); the box lists the first five, each of which then
    // fetches its own fragment of the index. Wait for all of them.
    const found = Number.parseInt((await message.textContent()) ?? '', 10) || 0;
    await expect(page.locator('.pagefind-ui__result'), `results listed for "${query}"`).toHaveCount(Math.min(found, 5), { timeout: 10_000 });
    await expect(page.locator('.pagefind-ui__result .pagefind-ui__loading'), `results for "${query}" still loading`).toHaveCount(0, { timeout: 10_000 });
    // As the box links them (decoded once, by pagesOf).
    return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  };
}

/** Page addresses in the order first shown, without anchors (a section of a page is that page). */
const pagesOf = (urls: string[]): string[] => [...new Set(urls.map((url) => decodeURI(url).replace(/#.*$/, '')))];

/**
 * Every query, searched as the box searches: the first through the box itself, as a reader types it;
 * then all of them through the box's own Pagefind instance (the module the box imported, with the
 * ranking options it set), reading the first five results the box would show. The first query's
 * pages must come out the same both ways, which shows the two are one search; typing each of some
 * eighty queries into the box cost about two minutes of the end-to-end run for nothing more.
 */
async function expectFound(page: Page, queries: Query[], what: string) {
  const outside: string[] = [];
  const search = await openSearch(page, outside);
  const shownByBox = pagesOf(await search(queries[0]!.query));
  const ranked = await page.evaluate(async (terms) => {
    const bundle = '/pagefind/pagefind.js';
    type Result = { data: () => Promise<{ url: string }> };
    const pagefind = (await import(bundle)) as { search: (term: string, options: object) => Promise<{ results: Result[] }> };
    const shown: string[][] = [];
    for (const term of terms) {
      const { results } = await pagefind.search(term, { filters: {} });
      shown.push((await Promise.all(results.slice(0, 5).map((result) => result.data()))).map((data) => data.url));
    }
    return shown;
  }, queries.map((q) => q.query));
  expect(pagesOf(ranked[0]!), `"${queries[0]!.query}" searched through the box's own Pagefind gives the pages the box shows`).toEqual(shownByBox);
  const missed: string[] = [];
  queries.forEach(({ query, expect: url }, i) => {
    const shown = pagesOf(ranked[i]!);
    if (!shown.includes(url)) missed.push(`"${query}" → expected ${url}; the box would show ${shown.join(', ') || 'nothing'}`);
  });
  expect(missed, `${what} the search box did not find`).toEqual([]);
  expect(outside, 'requests made while searching that leave 127.0.0.1').toEqual([]);
}

test('the search index is built into dist/pagefind', () => {
  expect(existsSync(join(site.dist, 'pagefind', 'pagefind.js')), 'dist/pagefind/pagefind.js').toBe(true);
  expect(lessons.length, 'lessons in the build').toBeGreaterThan(0);
});

/** A guard that grows with the course: each query fetches its part of the index and five fragments. */
const guardFor = (queries: number) => 30_000 + 2_000 * queries;

test('search finds every lesson by its title', async ({ page }) => {
  test.setTimeout(guardFor(lessons.length));
  await expectFound(page, lessons.map((l) => ({ query: l.title, expect: l.path })), 'lessons');
});

test('search finds every lab by its id and by its title', async ({ page }) => {
  test.setTimeout(guardFor(2 * labs.length));
  const queries = labs.flatMap((lab) => [
    { query: lab.id, expect: `/${lab.lesson}/` },
    { query: lab.title, expect: `/${lab.lesson}/` },
  ]);
  await expectFound(page, queries, 'labs');
});

test('search finds each formula by the name of the section that states it', async ({ page }) => {
  const sections = formulaSections();
  test.setTimeout(guardFor(sections.length));
  expect(sections.length, 'sections with a display formula').toBeGreaterThan(0);
  await expectFound(page, sections, 'formula sections');
});

test('a search result opens its lesson', async ({ page }) => {
  const lesson = lessons[0]!;
  const search = await openSearch(page, []);
  await search(lesson.title);
  await page.locator('.pagefind-ui__result-link', { hasText: lesson.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`${lesson.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
});
