/**
 * The pages of the built site, found by walking dist/ (so every page that exists is checked) and
 * classified from their HTML (scripts/lib/site-dist.ts): the home, lessons with and without widgets,
 * the 404 page. Also the labs' metadata, read from the same files the site is built from.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadLabs } from '../../src/labs/catalog';
import { BuiltSite, starlightComponents, type PageKind, type PageSummary } from '../../scripts/lib/site-dist';

export const root = join(import.meta.dirname, '..', '..');
export const site = new BuiltSite(join(root, 'dist'));

/** The URL path of every page in dist/ (404.html included), e.g. "/module-16/littles-law/". */
export function builtPages(): string[] {
  return site.pages();
}

/** The built HTML of a page, for checks that do not need a browser. */
export function builtHtml(path: string): string {
  return site.html(path);
}

/** What the checks know about every page: its kind, title, islands and scripts. */
export function pageSummaries(): PageSummary[] {
  return site.allSummaries();
}

/** The pages of some kinds. */
export function pagesOfKind(...kinds: PageKind[]): PageSummary[] {
  return pageSummaries().filter((page) => kinds.includes(page.kind));
}

/** Lessons (and case studies): every page with the sidebar, with or without widgets. */
export function lessonPages(): PageSummary[] {
  return pagesOfKind('lesson', 'lesson-with-widgets');
}

/** The names of Starlight's components, to tell the theme's scripts from the course's. */
export const themeComponents = starlightComponents(root);

export const labs = loadLabs(join(root, 'labs'));

/** Starlight keeps the reader's theme in localStorage; set it before the page's first script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
}

/**
 * Lays out every block of the page: on screen, course.css lets off-screen blocks of a lesson skip
 * rendering (`content-visibility: auto`), which would hide them from checks that measure boxes or
 * colours. Call after `page.goto`.
 */
export async function renderEverything(page: Page): Promise<void> {
  // Not page.addStyleTag: it waits for a load event that never comes when JavaScript is off.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'e2e-render-everything';
    style.textContent = '.sl-markdown-content > *, .sl-markdown-content > section.lab > * { content-visibility: visible !important; }';
    document.head.append(style);
  });
}

/** Undoes renderEverything, so that checks of the page's own styles (print) see them unaided. */
export async function stopRenderingEverything(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('e2e-render-everything')?.remove());
}

/**
 * Brings every island on screen, so that those loaded on visibility (Astro's client:visible) load:
 * each island in turn is scrolled into view and the page draws two frames there, time for its
 * IntersectionObserver to see it and start loading it (the island element itself has no box, being
 * `display: contents`; Astro watches its children, so the first child with a box is the one
 * scrolled to); then the page is scrolled to the bottom, as a reader who has read it all leaves it.
 * Islands are the only things the course loads on visibility (no lazy images; every island is
 * client:visible, which expectIslandsLoadWhenInView checks), so this reaches everything that scrolling
 * through screen by screen reached: on the longest page, the instructors' lab guide (about 250 phone
 * screens), that took 8.6 s a load.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (const island of document.querySelectorAll('astro-island')) {
      const shown = [...island.children].find((child) => child.getClientRects().length > 0);
      if (!shown) continue;
      shown.scrollIntoView({ block: 'center' });
      await frame();
      await frame();
    }
    window.scrollTo(0, document.body.scrollHeight);
    await frame();
    await frame();
  });
  await page.waitForLoadState('networkidle');
}
