/**
 * npm run bench:build — times the site build (`astro build`, Pagefind's index included), counts the
 * pages, and reports the size of dist/ (total; HTML, CSS, JavaScript, fonts, search index, other) and
 * the JavaScript each kind of page ships. Prints figures; it is a measurement, not a test.
 *
 *   --runs <n>   build n times and report each time and the median (default 1)
 *   --docs       also write the figures into docs/site-quality.md (between the bench-build markers)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { markdownTable, updateDocsBlock } from './lib/docs-block';
import { addBytes, BuiltSite, formatBytes, PAGE_KINDS, type Bytes } from './lib/site-dist';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const runs = Number(option('--runs') ?? 1);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`--runs must be a whole number from 1 to 20 (got ${option('--runs')})`);
  process.exit(2);
}

type Category = 'HTML' | 'CSS' | 'JavaScript' | 'Fonts' | 'Search index' | 'Other';
const CATEGORIES: Category[] = ['HTML', 'CSS', 'JavaScript', 'Fonts', 'Search index', 'Other'];

function category(file: string): Category {
  if (file.startsWith(`pagefind${sep}`)) return 'Search index';
  if (file.endsWith('.html')) return 'HTML';
  if (file.endsWith('.css')) return 'CSS';
  if (/\.m?js$/.test(file)) return 'JavaScript';
  if (/\.(woff2?|ttf|otf|eot)$/.test(file)) return 'Fonts';
  return 'Other';
}

/** Sizes of dist/ by category: raw bytes, and gzip for the text formats a server would compress. */
function distSizes(): Map<Category | 'Total', Bytes & { files: number }> {
  const sizes = new Map<Category | 'Total', Bytes & { files: number }>();
  const add = (key: Category | 'Total', raw: number, gzip: number) => {
    const s = sizes.get(key) ?? { raw: 0, gzip: 0, files: 0 };
    sizes.set(key, { raw: s.raw + raw, gzip: s.gzip + gzip, files: s.files + 1 });
  };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const file = relative(dist, path);
        const buffer = readFileSync(path);
        const text = /\.(html|css|m?js|json|svg|txt|xml)$/.test(file);
        const gzip = text ? gzipSync(buffer).length : buffer.length;
        add(category(file), buffer.length, gzip);
        add('Total', buffer.length, gzip);
      }
    }
  };
  walk(dist);
  return sizes;
}

function build(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'astro.js'), 'build'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error(`astro build failed (exit ${result.status})`);
    process.exit(1);
  }
  return seconds;
}

const load = loadavg()[0]!;
const times: number[] = [];
for (let run = 1; run <= runs; run++) {
  const seconds = build();
  times.push(seconds);
  console.log(`build ${run}/${runs}: ${seconds.toFixed(1)} s`);
}
const median = [...times].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;

const site = new BuiltSite(dist);
const pages = site.allSummaries();
const sizes = distSizes();
const kb = (b: Bytes) => `${formatBytes(b.raw)} (${formatBytes(b.gzip)} gz)`;

const buildTable = markdownTable(
  ['Pages', 'Build time (median)', 'Runs', 'Machine'],
  [[pages.length, `${median.toFixed(1)} s`, times.map((t) => `${t.toFixed(1)} s`).join(', '), `${cpus().length} cores, load ${load.toFixed(1)} at start, Node ${process.versions.node}`]],
);
const sizeTable = markdownTable(
  ['Part of dist/', 'Files', 'Size', 'Gzipped'],
  [...CATEGORIES, 'Total' as const]
    .filter((c) => sizes.has(c))
    .map((c) => {
      const s = sizes.get(c)!;
      return [c, s.files, formatBytes(s.raw), c === 'Fonts' || c === 'Search index' ? '—' : formatBytes(s.gzip)];
    }),
);
const jsRows = PAGE_KINDS.flatMap((kind) => {
  const ofKind = pages.filter((p) => p.kind === kind);
  if (ofKind.length === 0) return [];
  // The largest page of the kind: budgets are about the worst case.
  const worst = ofKind
    .map((p) => ({ p, js: site.javascript(p.path) }))
    .sort((a, b) => addBytes(b.js.theme, b.js.themeInline, b.js.islands, b.js.islandInline).raw - addBytes(a.js.theme, a.js.themeInline, a.js.islands, a.js.islandInline).raw)[0]!;
  const { js } = worst;
  return [
    [
      `${kind} (${ofKind.length})`,
      worst.p.path,
      kb(addBytes(js.theme, js.themeInline)),
      kb(js.themeLazy),
      js.islandFiles.length ? kb(addBytes(js.islands, js.islandInline)) : '—',
    ],
  ];
});
const jsTable = markdownTable(['Page kind (pages)', 'Largest page', 'Theme JS with the page', 'Search UI on first use', 'Islands, once in view'], jsRows);

const report = [
  `Measured by \`npm run bench:build\` on ${new Date().toISOString().slice(0, 10)}.`,
  '',
  buildTable,
  '',
  sizeTable,
  '',
  'JavaScript per page kind (the page of each kind that ships the most; module scripts and inline scripts, uncompressed and gzipped):',
  '',
  jsTable,
].join('\n');
console.log(`\n${report}\n`);

if (process.argv.includes('--docs')) {
  updateDocsBlock(join(root, 'docs', 'site-quality.md'), 'bench-build', report);
  console.log('Wrote the figures to docs/site-quality.md.');
}
