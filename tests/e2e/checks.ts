/**
 * The checks that hold on every page, as functions over a page that is already loaded, so that
 * site.spec.ts can load each page once and run all of them on that one load (CI time grows with the
 * number of pages; loading a page and scrolling through it is most of what a check costs, axe aside).
 * Each function asserts exactly what the test of the same name asserted when it had a load of its own.
 *
 * - requests: nothing is fetched from outside 127.0.0.1 (over everything the page does while checked);
 * - JavaScript budgets (scripts/lib/budgets.ts): a page without islands loads the theme's scripts and
 *   nothing else; a page with islands loads each island's module only once it is scrolled into view;
 * - axe: no serious or critical violation in the light theme (every rule), the dark theme (the colour
 *   rules) and on a 375 px phone (the rules that depend on the width), nor sideways scrolling there;
 * - reading without JavaScript: every lesson shows all of its text and formulas with JavaScript off,
 *   and each widget shows a static picture of its default state — the same picture the live widget
 *   draws once it has hydrated — inside a <WidgetFigure> whose sentence says what the live version adds;
 * - print: every lesson prints as a clean handout (src/styles/print.css on top of Starlight's print
 *   styles) — no navigation, the text at full width, formulas and figures kept, external links followed
 *   by their address, folded answers printed open, in the light palette whatever the screen theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { contrastRatio } from '../../scripts/lib/contrast';
import { JS_BUDGET } from '../../scripts/lib/budgets';
import type { PageSummary } from '../../scripts/lib/site-dist';
import { isThemeScript } from '../../scripts/lib/site-dist';
import { withoutJavaScript } from './one-load';
import { renderEverything, site, themeComponents } from './pages';

/**
 * How often a poll here looks again: what it waits for (a request, an import at idle) comes within
 * a few frames, and expect.poll's own backoff (100, 250, 500, then 1000 ms) would wait up to a second
 * longer than needed each time.
 */
export const POLL = [20, 50, 100, 250];

/** Records every request a page makes, and those that leave `origin`. */
export function watchRequests(page: Page, origin: string) {
  const watch = { seen: 0, outside: [] as string[] };
  page.on('request', (request) => {
    const url = request.url();
    watch.seen++;
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.outside.push(url);
  });
  return watch;
}

export function expectNoRequestsOutside(path: string, watch: ReturnType<typeof watchRequests>): void {
  expect(watch.seen, 'the page made no requests at all, so the check saw nothing').toBeGreaterThan(1);
  expect(watch.outside, `requests from ${path} that leave 127.0.0.1`).toEqual([]);
}

/** Records the scripts a page requests, with their sizes once they have arrived. */
export function watchScripts(page: Page) {
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

/** A page without islands, loaded and scrolled through: it loads the theme's scripts and nothing else, within the budget. */
export async function expectOnlyThemeJavaScript(page: Page, summary: PageSummary, scripts: ReturnType<typeof watchScripts>): Promise<void> {
  const { requested, sizes } = scripts;
  const js = site.javascript(summary.path);
  const notTheme = summary.scriptSrcs.filter((src) => !isThemeScript(src, themeComponents));
  expect(notTheme, "<script src> on the page that are not Starlight's, Astro's prefetch or Expressive Code's").toEqual([]);

  // The search UI loads only when a reader reaches for search (src/components/overrides/Search.astro):
  // nothing of it once the page has settled; pointing at the search button loads it, counted below.
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => js.themeLazyFiles.includes(url)), 'the search UI, loaded before the reader reached for search').toEqual([]);
  await page.locator('button[data-open-modal]').hover();
  // Requested is not enough: its size is read below, once the response has arrived.
  await expect.poll(() => js.themeLazyFiles.every((f) => requested.includes(f) && sizes.has(f)), { message: 'the search UI, loaded once the reader points at the search button', timeout: 15_000, intervals: POLL }).toBe(true);

  const allowed = new Set([...js.themeFiles, ...js.themeLazyFiles]);
  expect(requested.filter((url) => !allowed.has(url)), 'scripts loaded that the theme does not load').toEqual([]);
  expect(await page.locator('astro-island').count(), 'islands on a page the build says has none').toBe(0);

  const inline = await page.evaluate(() =>
    [...document.scripts].filter((s) => !s.src && (!s.type || s.type === 'module')).reduce((n, s) => n + new Blob([s.text]).size, 0),
  );
  let atLoad = inline;
  let onUse = 0;
  for (const url of new Set(requested)) {
    const bytes = await sizes.get(url)!;
    if (js.themeLazyFiles.includes(url)) onUse += bytes;
    else atLoad += bytes;
  }
  expect(atLoad, `theme JavaScript loaded with ${summary.path}, in bytes`).toBeLessThanOrEqual(JS_BUDGET.themeAtLoad);
  expect(onUse, `search UI loaded on first use on ${summary.path}, in bytes`).toBeLessThanOrEqual(JS_BUDGET.searchUiOnUse);
}

/** A page with islands, just loaded (not scrolled): each island's module loads only once the island is in view. Scrolls each island into view. */
export async function expectIslandsLoadWhenInView(page: Page, summary: PageSummary, scripts: ReturnType<typeof watchScripts>): Promise<void> {
  const { requested } = scripts;
  const eager = summary.islands.filter((i) => i.client !== 'visible').map((i) => `${i.name} (client:${i.client ?? 'none'})`);
  expect(eager, 'islands not using client:visible, which would load their JavaScript before the reader gets to them').toEqual([]);

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
    await expect.poll(() => requested.includes(url), { message: `${name}'s module ${url} is requested once it is in view`, intervals: POLL }).toBe(true);
    await expect(island, `${name} hydrates once in view`).not.toHaveAttribute('ssr', { timeout: 30_000 }); // a hang guard under npm test's load, not a speed check
  }
}

/** Runs axe (only `rules`, if given) and expects no serious or critical violation. */
export async function expectNoAxeViolations(page: Page, what: string, rules?: string[]): Promise<void> {
  // Only violations are read: axe then keeps one example node of each passing or inapplicable rule
  // instead of all of them (every violation is still reported in full), which makes it faster.
  // Legacy mode: axe.run in the page itself. The default runs axe.runPartial in the page and then
  // axe.finishRun in a new blank page, for cross-origin iframes, which the course has none of; on
  // the same pages it reports the same violations on the same nodes, in a third of the time
  // (hockey-stick: 6.5 s against 19 s, measured side by side).
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode();
  if (rules) axe.withRules(rules);
  const results = await axe.analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  expect(bad, `axe violations on ${what}`).toEqual([]);
}

/**
 * Switches a loaded page's theme as a reader does, with the theme picker in the header (Starlight
 * stores the choice and sets <html data-theme>), and the system's colour scheme to match.
 */
export async function pickTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.locator('starlight-theme-select select').filter({ visible: true }).first().selectOption(theme);
  await expect(page.locator('html'), 'Starlight applied the theme').toHaveAttribute('data-theme', theme);
}

/** A page loaded on a 375 px wide screen: nothing makes it scroll sideways, and what scrolls inside a box is reachable by keyboard. */
export async function expectFitsPhone(page: Page, path: string): Promise<void> {
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
  await expectNoAxeViolations(page, `${path} at 375 px`, ['scrollable-region-focusable', 'target-size']);
}

/** The lesson's text as a reader sees it, and each island's text and field values, whitespace-normalised (call renderEverything first: innerText leaves out blocks that skip rendering). */
export async function readLesson(page: Page) {
  // The JavaScript-only lab launcher ("Open the lab in the browser") is left out of the lesson's text:
  // without JavaScript the Lab section's instructions stand, and the page must read the same. (Not
  // page.addStyleTag, which waits for a load event that never comes with JavaScript off.)
  const raw = await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.lab-open { display: none !important; }';
    document.head.append(style);
    const text = (document.querySelector('.sl-markdown-content') as HTMLElement).innerText;
    style.remove();
    return text;
  });
  const text = raw.replace(/\s+/g, ' ').trim();
  const islands = await page.locator('astro-island').evaluateAll((els) =>
    els.map((el) => ({
      text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      values: [...el.querySelectorAll('input, select, textarea')].map((c) => (c as HTMLInputElement).value),
    })),
  );
  return { text, islands };
}
export type LessonText = Awaited<ReturnType<typeof readLesson>>;

/** Where two texts first differ, with some context, for a readable failure message. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `without JavaScript: "…${a.slice(Math.max(0, i - 40), i + 60)}…"\nwith JavaScript:    "…${b.slice(Math.max(0, i - 40), i + 60)}…"`;
}

/**
 * A lesson, read from a new context with JavaScript off, shows everything; `withJs` is the same lesson
 * read with JavaScript on, every island hydrated (from the page the other checks loaded).
 */
export async function expectReadsWithoutJs(browser: Browser, lesson: PageSummary, withJs: LessonText): Promise<void> {
  await withoutJavaScript(browser, lesson.path, async (page) => {
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

    // The static picture must be the default state of the hydrated widget.
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
  });
}

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

/** A lesson in the dark theme on screen, scrolled through, printed: a clean handout. Leaves the page in print media. */
export async function expectPrintsAsHandout(page: Page): Promise<void> {
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
  const [text, ...chart] = await readColours(page, ['var(--sl-color-white)', ...CHART_PALETTE]);
  const white = 'rgb(255, 255, 255)';
  expect(contrastRatio(text!, white), 'contrast of the printed text on white').toBeGreaterThanOrEqual(7);
  expect(chart.filter((c) => contrastRatio(c, white) < 3), 'chart colours below 3:1 on white paper').toEqual([]);
}

/** The chart palette (src/styles: --chart-0…4), as CSS values. */
const CHART_PALETTE = [0, 1, 2, 3, 4].map((i) => `var(--chart-${i})`);

/** The colours CSS `values` (`var(--chart-0)`, say) compute to on the page as it is shown now, read from a probe element. */
export async function readColours(page: Page, values: string[]): Promise<string[]> {
  return page.evaluate((values) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const read = (value: string) => {
      probe.style.color = value;
      return getComputedStyle(probe).color;
    };
    const colours = values.map(read);
    probe.remove();
    return colours;
  }, values);
}

/** The chart palette and the axis label colour against the page's background, as the page shows them now. */
export async function expectPaletteContrast(page: Page): Promise<void> {
  const [text, ...palette] = await readColours(page, ['var(--sl-color-gray-2)', ...CHART_PALETTE]);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const weak = palette
    .map((colour, i) => ({ name: `--chart-${i}`, ratio: contrastRatio(colour, background) }))
    .filter((c) => c.ratio < 3)
    .map((c) => `${c.name} ${c.ratio.toFixed(2)}:1`);
  expect(weak, `series colours below 3:1 against ${background}`).toEqual([]);
  expect(contrastRatio(text!, background), 'axis label colour against the page (4.5:1 for text)').toBeGreaterThanOrEqual(4.5);
}

/** Every chart drawn on the page, as it shows them now: lines at 3:1 and text at 4.5:1 against the page. */
export async function expectChartsContrast(page: Page, path: string): Promise<void> {
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

/** Each island on a page named for messages; a widget used twice on a page is told apart by its place ("Chart 2 of 3"). */
export function islandNames(summary: PageSummary): { index: number; name: string }[] {
  return summary.islands
    .map((island, index) => {
      const same = summary.islands.filter((i) => i.name === island.name);
      const place = same.length > 1 ? ` ${summary.islands.slice(0, index + 1).filter((i) => i.name === island.name).length} of ${same.length}` : '';
      return { index, name: `${island.name}${place}`, jsOnly: island.jsOnly };
    })
    // The lab launcher has its own keyboard, touch and axe checks (lab-runner.spec.ts).
    .filter((island) => !island.jsOnly)
    .map(({ index, name }) => ({ index, name }));
}

/** What a reader can operate: enabled form controls, buttons, links, summaries and custom tab stops. */
const CONTROLS =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The `index`th island of a loaded page, scrolled into view and hydrated. */
async function hydratedIsland(page: Page, index: number): Promise<Locator> {
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

/**
 * The `index`th island of a loaded page works by keyboard alone: every control is reached with Tab
 * from its first one and shows where the focus is, and operating the controls from the keyboard
 * changes what the widget shows. Leaves the widget changed.
 */
export async function expectWorksByKeyboard(page: Page, index: number, name: string): Promise<void> {
  const island = await hydratedIsland(page, index);
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
}

/**
 * The `index`th island of a page loaded on a touch phone (a context with `hasTouch`) works by touch:
 * its controls (or their labels) are at least 24 × 24 px (WCAG 2.2, 2.5.8) and inside the screen, and
 * tapping them changes what the widget shows. Leaves the widget changed.
 */
export async function expectWorksByTouch(page: Page, index: number, name: string): Promise<void> {
  const island = await hydratedIsland(page, index);
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
}
