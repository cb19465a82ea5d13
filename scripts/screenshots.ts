/**
 * npm run screenshots — pictures of the built site to look at: one page of each kind (home, lesson,
 * lesson with widgets, 404, other splash pages; chosen from dist/, see choosePages) at 375 px (a
 * phone) and 1920 px (a projector), in the light and the dark theme; each widget on its own at both
 * widths; and a lesson printed to PDF, rendered to PNG when poppler's pdftoppm is installed.
 *
 * Writes to reports/screenshots/ (git-ignored) and lists what it wrote. Run `npm run build` first.
 *   --print-all   print every lesson, not only the text-heavy one
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './lib/browser';
import { startPreview } from './lib/preview';
import { BuiltSite, choosePages, type PageSummary } from './lib/site-dist';

const root = join(import.meta.dirname, '..');
const out = join(root, 'reports', 'screenshots');
const widths = [375, 1920] as const;
const themes = ['light', 'dark'] as const;
/** Tall pages are also cut into parts of this many CSS pixels, so that each part can be read at full size. */
const PART_HEIGHT = 2400;

const slug = (path: string) => path.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_') || 'home';

async function settle(page: Page): Promise<void> {
  // Lay out every block: a reader who scrolls there sees it rendered, but off-screen blocks of a lesson
  // skip rendering (content-visibility, course.css) and would come out blank in a full-page picture.
  await page.addStyleTag({ content: '.sl-markdown-content > * { content-visibility: visible !important; }' });
  // Scroll through so that every island hydrates, then back to the top for the picture.
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

async function main(): Promise<void> {
  const site = new BuiltSite(join(root, 'dist'));
  const summaries = site.allSummaries();
  const chosen = choosePages(summaries, (p) => site.javascript(p.path).islands.raw);
  const printAll = process.argv.includes('--print-all');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const preview = await startPreview(root);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  const written: string[] = [];
  try {
    for (const [kind, summary] of Object.entries(chosen.byKind) as [string, PageSummary][]) {
      for (const width of widths) {
        for (const theme of themes) {
          const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 1080 }, colorScheme: theme });
          await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
          const page = await context.newPage();
          await page.goto(`${preview.origin}${summary.path}`);
          await settle(page);
          const base = `${kind}-${width}-${theme}`;
          await page.screenshot({ path: join(out, `${base}-screen.png`) });
          await page.screenshot({ path: join(out, `${base}-full.png`), fullPage: true });
          written.push(`${base}-screen.png`, `${base}-full.png`);
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          if (height > PART_HEIGHT * 1.2) {
            for (let part = 0, y = 0; y < height; part++, y += PART_HEIGHT) {
              const name = `${base}-part${String(part + 1).padStart(2, '0')}.png`;
              await page.screenshot({ path: join(out, name), fullPage: true, clip: { x: 0, y, width, height: Math.min(PART_HEIGHT, height - y) } });
              written.push(name);
            }
          }
          // Each widget on its own, as it sits in the page (its frame and its live note included).
          const islands = page.locator('astro-island');
          for (let i = 0; i < (await islands.count()); i++) {
            const frame = page.locator('[data-widget-figure]').filter({ has: islands.nth(i) });
            const target = (await frame.count()) > 0 ? frame.first() : islands.nth(i).locator('> *').first();
            await target.scrollIntoViewIfNeeded();
            const name = `widget-${summary.islands[i]?.name ?? i}-${slug(summary.path)}-${width}-${theme}.png`;
            await target.screenshot({ path: join(out, name) });
            written.push(name);
          }
          await context.close();
        }
      }
    }

    // Print: the text-heavy lesson (or every lesson) as a PDF, the way a browser prints it (A4, no background graphics).
    const toPrint = printAll ? summaries.filter((p) => p.kind === 'lesson' || p.kind === 'lesson-with-widgets') : [chosen.textHeavyLesson].filter((p): p is PageSummary => !!p);
    for (const lesson of toPrint) {
      for (const theme of themes) {
        const context = await browser.newContext({ colorScheme: theme });
        await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        const page = await context.newPage();
        await page.goto(`${preview.origin}${lesson.path}`);
        await settle(page);
        const pdf = join(out, `print-${slug(lesson.path)}-from-${theme}.pdf`);
        await page.pdf({ path: pdf, format: 'A4' });
        written.push(pdf.slice(out.length + 1));
        await context.close();
        const pdftoppm = process.env.PDFTOPPM ?? '/usr/bin/pdftoppm';
        if (existsSync(pdftoppm)) {
          execFileSync(pdftoppm, ['-png', '-r', '70', pdf, pdf.replace(/\.pdf$/, '')]);
          written.push(`${pdf.slice(out.length + 1).replace(/\.pdf$/, '')}-<page>.png`);
        } else {
          console.log('pdftoppm is not installed (apt-get install poppler-utils): the PDF is not rendered to PNG');
        }
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
  }

  console.log(`Pages photographed (one per kind): ${Object.entries(chosen.byKind).map(([k, p]) => `${k} ${p.path}`).join(', ')}`);
  console.log(`${written.length} files in ${out}:`);
  for (const file of written) console.log(`  ${file}`);
}

await main();
