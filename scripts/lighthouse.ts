/**
 * npm run bench:lighthouse — audits the built site with Lighthouse 12 (Debian's Chromium through
 * chrome-launcher, serving dist/ on 127.0.0.1 with `astro preview`): the course home, the lesson with
 * the most text, and the page whose widgets ship the most JavaScript, all chosen from dist/. Each page
 * is audited as a phone (Lighthouse's default: Moto G Power, slow 4G and a 4× slower CPU, simulated)
 * and as a desktop, several times; the run with the median performance score is reported.
 *
 * Targets: performance >= 98 and accessibility = 100 on every page and form factor; the script exits
 * with status 1 if one is missed. Writes every run's report to reports/lighthouse/ (the median run of
 * each page and form factor also as <page>-<form factor>.json) and the figures into
 * docs/site-quality.md (between the lighthouse markers). Run `npm run build` first.
 *
 *   --runs <n>   runs per page and form factor (default 3)
 *   --no-docs    do not touch docs/site-quality.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumFlags, chromiumPath } from './lib/browser';
import { markdownTable, updateDocsBlock } from './lib/docs-block';
import { startPreview } from './lib/preview';
import { BuiltSite, choosePages, type PageSummary } from './lib/site-dist';

const root = join(import.meta.dirname, '..');
const TARGETS = { performance: 98, accessibility: 100 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1 || runs > 15) {
  console.error(`--runs must be a whole number from 1 to 15 (got ${process.argv[runsArg + 1]})`);
  process.exit(2);
}

const slug = (path: string) => path.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_') || 'home';

interface Audit {
  role: string;
  page: PageSummary;
  formFactor: 'mobile' | 'desktop';
  scores: Record<Category, number>;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  allPerformance: number[];
  lighthouseVersion: string;
}

async function main(): Promise<number> {
  const site = new BuiltSite(join(root, 'dist'));
  const chosen = choosePages(site.allSummaries(), (p) => site.javascript(p.path).islands.raw);
  const roles: [string, PageSummary | undefined][] = [
    ['course home', chosen.home],
    ['text-heavy lesson', chosen.textHeavyLesson],
    ['heaviest widget page', chosen.heaviestWidgetPage],
  ];
  const targets = roles.filter((r): r is [string, PageSummary] => !!r[1]);
  // One page can play two roles (with a single lesson, it is both the longest and the heaviest).
  const unique = new Map<string, { roles: string[]; page: PageSummary }>();
  for (const [role, page] of targets) {
    const entry = unique.get(page.path) ?? { roles: [], page };
    entry.roles.push(role);
    unique.set(page.path, entry);
  }

  const out = join(root, 'reports', 'lighthouse');
  mkdirSync(out, { recursive: true });
  const preview = await startPreview(root);
  // The window starts at Lighthouse's desktop screen size: with headless Chromium's default window, about
  // one desktop run in ten painted first at the window's size and then at the emulated one, and counted
  // the difference as a layout shift of 0.42 that no reader could see (docs/site-quality.md, "Notes").
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', '--window-size=1350,940', ...chromiumFlags] });
  const audits: Audit[] = [];
  try {
    for (const { roles: pageRoles, page } of unique.values()) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const results = [];
        for (let run = 0; run < runs; run++) {
          const result = await lighthouse(
            `${preview.origin}${page.path}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          const { lhr } = result;
          if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${page.path}: ${lhr.runtimeError.message}`);
          results.push(lhr);
          writeFileSync(join(out, `${slug(page.path)}-${formFactor}-run${run + 1}.json`), JSON.stringify(lhr));
          process.stdout.write(`${page.path} ${formFactor} run ${run + 1}/${runs}: performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}\n`);
        }
        const byPerformance = [...results].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
        const median = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!;
        writeFileSync(join(out, `${slug(page.path)}-${formFactor}.json`), JSON.stringify(median, null, 2));
        const numeric = (id: string) => median.audits[id]?.numericValue ?? NaN;
        audits.push({
          role: pageRoles.join(', '),
          page,
          formFactor,
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((median.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>,
          metrics: {
            fcp: numeric('first-contentful-paint'),
            lcp: numeric('largest-contentful-paint'),
            tbt: numeric('total-blocking-time'),
            cls: numeric('cumulative-layout-shift'),
            si: numeric('speed-index'),
          },
          allPerformance: results.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)),
          lighthouseVersion: median.lighthouseVersion,
        });
      }
    }
  } finally {
    chrome.kill();
    await preview.stop();
  }

  const missed = audits.flatMap((a) => [
    ...(a.scores.performance < TARGETS.performance ? [`${a.page.path} (${a.formFactor}): performance ${a.scores.performance} < ${TARGETS.performance}`] : []),
    ...(a.scores.accessibility < TARGETS.accessibility ? [`${a.page.path} (${a.formFactor}): accessibility ${a.scores.accessibility} < ${TARGETS.accessibility}`] : []),
  ]);
  const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const table = markdownTable(
    ['Page', 'Chosen as', 'Form factor', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'Performance, every run'],
    audits.map((a) => [
      `\`${a.page.path}\``,
      a.role,
      a.formFactor,
      a.scores.performance,
      a.scores.accessibility,
      a.scores['best-practices'],
      a.scores.seo,
      ms(a.metrics.fcp),
      ms(a.metrics.lcp),
      `${Math.round(a.metrics.tbt)} ms`,
      a.metrics.cls.toFixed(3),
      a.allPerformance.join(', '),
    ]),
  );
  const report = [
    `Measured by \`npm run bench:lighthouse\` on ${new Date().toISOString().slice(0, 10)}: Lighthouse ${audits[0]?.lighthouseVersion ?? '?'}, ` +
      `${runs} run${runs === 1 ? '' : 's'} per row (the median by performance is shown), ${cpus().length} cores at load ${loadavg()[0]!.toFixed(1)} when it finished. ` +
      `Targets: performance ≥ ${TARGETS.performance}, accessibility = ${TARGETS.accessibility}${missed.length ? ` — **missed:** ${missed.join('; ')}` : ' — all met'}.`,
    '',
    table,
  ].join('\n');
  console.log(`\n${report}\n`);
  if (!process.argv.includes('--no-docs')) {
    updateDocsBlock(join(root, 'docs', 'site-quality.md'), 'lighthouse', report);
    console.log('Wrote the figures to docs/site-quality.md.');
  }
  if (missed.length) console.error(`Targets missed:\n  ${missed.join('\n  ')}`);
  return missed.length ? 1 : 0;
}

process.exitCode = await main();
