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
 * Scrolls to the bottom a screenful at a time, so that islands loaded on visibility load too. The
 * screens tile the page, so every island is on one of them; at each the page draws two frames, time
 * for an island's IntersectionObserver (Astro's client:visible) to see it and start loading it.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
  });
  await page.waitForLoadState('networkidle');
}
