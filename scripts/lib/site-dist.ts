/**
 * Reads the built site in dist/: which pages exist, what kind each one is, and what JavaScript each
 * one ships — the theme's own scripts, and the islands' modules. Shared by the end-to-end tests
 * (tests/e2e/pages.ts) and the measuring scripts (bench:build, bench:lighthouse, screenshots), so
 * that every check discovers the pages from the build instead of keeping a list.
 *
 * The HTML here is Astro's own output, so a few regular expressions read it reliably; the parsing
 * functions are pure and unit-tested in tests/unit/site-dist.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The kinds of page the site has, decided from the built HTML:
 * - `home`: the course home (`/`);
 * - `not-found`: the 404 page;
 * - `lesson`: a page with the sidebar (every lesson or case study) and no island;
 * - `lesson-with-widgets`: the same, with at least one island (an interactive widget);
 * - `splash`: any other page without the sidebar.
 */
export type PageKind = 'home' | 'not-found' | 'lesson' | 'lesson-with-widgets' | 'splash';

export const PAGE_KINDS: readonly PageKind[] = ['home', 'lesson', 'lesson-with-widgets', 'not-found', 'splash'];

/** One `<astro-island>`: a Preact component that hydrates in the browser. */
export interface IslandRef {
  /** The component's name, from Astro's `opts` attribute (e.g. "CapacityCalculator"). */
  name: string;
  /** The module that holds the component, e.g. "/_astro/CapacityCalculator.CFWs0z7a.js". */
  componentUrl: string;
  /** The framework renderer's module (Preact's client). */
  rendererUrl?: string;
  /** Runs before hydration, if the integration has one. */
  beforeHydrationUrl?: string;
  /** The hydration directive: "visible", "load", "idle", "media", "only"; undefined if static. */
  client?: string;
  /** Whether the island carries server-rendered HTML (false for `client:only` and for an island rendered empty). */
  serverRendered: boolean;
  /**
   * An island that exists only with JavaScript: the lab launcher ("Open the lab in the browser") renders
   * nothing on the server, since without JavaScript the Lab section's instructions to grade locally stand.
   */
  jsOnly: boolean;
}

/** The components that render nothing without JavaScript, by name. */
export const JS_ONLY_ISLANDS = ['LabLauncher'];

/** An inline `<script>` (no src) and whether it belongs to Astro's island runtime. */
export interface InlineScript {
  bytes: number;
  gzipBytes: number;
  /** Astro adds its island runtime (the `astro-island` element and the `client:` directives) only to pages with islands. */
  islandRuntime: boolean;
}

/** What the checks need to know about one built page. */
export interface PageSummary {
  /** The URL path, e.g. "/module-16/littles-law/" or "/404.html". */
  path: string;
  kind: PageKind;
  /** The page's main heading (or its <title> when it has no h1). */
  title: string;
  islands: IslandRef[];
  /** `<script src>` of the page, in document order (module scripts Astro hoisted from components). */
  scriptSrcs: string[];
  inlineScripts: InlineScript[];
  /** Words of running text in <main>, without scripts, styles, SVG and MathML. */
  words: number;
  /** KaTeX formulas (inline and display). */
  formulas: number;
}

const NOT_FOUND_PATHS = new Set(['/404.html', '/404/']);

/** Decodes the HTML entities Astro writes in text and attributes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
    return named[code.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  // Attribute by attribute, each quoted value consumed whole: a word inside a value (the lab launcher's
  // props hold its tests' hints, where "client" is a common word) is never taken for an attribute.
  for (const match of tag.matchAll(/\s([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    if (match[1]!.toLowerCase() === name) return decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return undefined;
}

function stripTags(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|svg|math|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

/** Reads the parts of a built page that the checks need. Pure: the HTML in, a summary out. */
export function readPage(html: string, path: string): PageSummary {
  const islands: IslandRef[] = [...html.matchAll(/<astro-island\b[^>]*>/g)].map(({ 0: tag, index }) => {
    let name = 'island';
    try {
      name = (JSON.parse(attribute(tag, 'opts') ?? '{}') as { name?: string }).name ?? name;
    } catch {
      // Astro always writes valid JSON here; a page that does not still gets checked, under a generic name.
    }
    return {
      name,
      componentUrl: attribute(tag, 'component-url') ?? '',
      rendererUrl: attribute(tag, 'renderer-url') || undefined,
      beforeHydrationUrl: attribute(tag, 'before-hydration-url') || undefined,
      client: attribute(tag, 'client'),
      // Astro marks every island `ssr` until it hydrates, client:only ones included; what tells is the
      // directive, and whether anything was rendered inside.
      serverRendered: attribute(tag, 'client') !== 'only' && !/^\s*<\/astro-island>/.test(html.slice(index + tag.length)),
      jsOnly: JS_ONLY_ISLANDS.includes(name),
    };
  });

  const scriptSrcs: string[] = [];
  const inlineScripts: InlineScript[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = attribute(`<script${attrs}>`, 'type');
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON-LD and the like are data, not code
    const src = attribute(`<script${attrs}>`, 'src');
    if (src) scriptSrcs.push(src);
    else if (body.trim()) {
      const bytes = Buffer.byteLength(body);
      inlineScripts.push({
        bytes,
        gzipBytes: gzipSync(body).length,
        islandRuntime: body.includes('astro-island') || body.includes('(self.Astro||(self.Astro={}))'),
      });
    }
  }

  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const words = stripTags(main).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  const titleTag = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const title = stripTags(h1 ?? titleTag).replace(/\s+/g, ' ').trim();

  const hasSidebar = /<html\b[^>]*\sdata-has-sidebar[\s>=]/.test(html);
  let kind: PageKind;
  if (NOT_FOUND_PATHS.has(path)) kind = 'not-found';
  else if (path === '/' || path === '/index.html') kind = 'home';
  else if (hasSidebar) kind = islands.length > 0 ? 'lesson-with-widgets' : 'lesson';
  else kind = 'splash';

  return {
    path,
    kind,
    title,
    islands,
    scriptSrcs,
    inlineScripts,
    words,
    formulas: (html.match(/<span class="katex">/g) ?? []).length,
  };
}

/** The modules a built ES module imports: `static` ones load with it, `dynamic` ones only when called. */
export function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const found = { static: new Set<string>(), dynamic: new Set<string>() };
  // `import x from"./a.js"`, `import"./a.js"`, `export{a}from"./a.js"` — Vite's minified output.
  for (const [, spec] of code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)) {
    found.static.add(spec!);
  }
  for (const [, spec] of code.matchAll(/(?:^|[^\w$.])import\(\s*["']([^"']+\.m?js)["']\s*\)/g)) found.dynamic.add(spec!);
  for (const spec of found.static) found.dynamic.delete(spec);
  return { static: [...found.static], dynamic: [...found.dynamic] };
}

/**
 * Every module reachable from `entries` (URL paths such as "/_astro/a.js"), the entries included,
 * following static imports and, if asked, dynamic ones. `read` returns a module's code.
 */
export function moduleClosure(entries: readonly string[], read: (url: string) => string, options: { dynamic?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const visit = (url: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    const { static: direct, dynamic } = importsOf(read(url));
    for (const spec of options.dynamic ? [...direct, ...dynamic] : direct) {
      visit(new URL(spec, `http://site${url}`).pathname);
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/**
 * Whether a `<script src>` is one the theme puts on every page: a script Astro hoisted from one of
 * Starlight's own components (named "<Component>.astro_astro_type_script_index_<n>_lang.<hash>.js",
 * where <Component> is a file in @astrojs/starlight/components), Astro's link-prefetch script that
 * Starlight turns on ("page.<hash>.js"), or Expressive Code's script for code blocks ("ec.<hash>.js").
 * A script hoisted from one of the course's own components is not the theme's.
 */
export function isThemeScript(url: string, starlightComponents: ReadonlySet<string>): boolean {
  const file = url.split('/').pop() ?? '';
  const hoisted = /^(\w+)\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/.exec(file);
  if (hoisted) return starlightComponents.has(hoisted[1]!);
  return /^(page|ec)\.[\w-]+\.js$/.test(file);
}

/** Raw and gzipped bytes. */
export interface Bytes {
  raw: number;
  gzip: number;
}

export function addBytes(...parts: Bytes[]): Bytes {
  return parts.reduce((sum, b) => ({ raw: sum.raw + b.raw, gzip: sum.gzip + b.gzip }), { raw: 0, gzip: 0 });
}

/** The JavaScript a page ships, split into the theme's and the islands'. */
export interface PageJavaScript {
  /** Module files the theme loads with the page (its `<script src>` and their static imports). */
  themeFiles: string[];
  /** Modules the theme loads only when the reader reaches for them: Pagefind's search UI (src/components/overrides/Search.astro). */
  themeLazyFiles: string[];
  /** Modules the page's islands load when they hydrate, beyond the theme's. */
  islandFiles: string[];
  theme: Bytes;
  themeLazy: Bytes;
  islands: Bytes;
  /** Inline scripts of the theme, and of Astro's island runtime. */
  themeInline: Bytes;
  islandInline: Bytes;
}

/** Reads modules and their sizes from a dist/ folder, caching both. */
export class BuiltSite {
  readonly dist: string;
  private readonly code = new Map<string, string>();
  private readonly sizes = new Map<string, Bytes>();
  private readonly summaries = new Map<string, PageSummary>();

  constructor(dist: string) {
    if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first`);
    this.dist = dist;
  }

  /** The URL path of every page in dist/ (404.html included), sorted, e.g. "/module-16/littles-law/". */
  pages(): string[] {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : walk(path);
        return name.endsWith('.html') ? [path] : [];
      });
    return walk(this.dist)
      .map((file) => `/${relative(this.dist, file).split(sep).join('/')}`.replace(/index\.html$/, ''))
      .sort();
  }

  /** The file in dist/ that serves a URL path. */
  file(path: string): string {
    const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
    return join(this.dist, clean.endsWith('/') ? `${clean}index.html` : clean);
  }

  html(path: string): string {
    return readFileSync(this.file(path), 'utf8');
  }

  summary(path: string): PageSummary {
    let summary = this.summaries.get(path);
    if (!summary) {
      summary = readPage(this.html(path), path);
      this.summaries.set(path, summary);
    }
    return summary;
  }

  /** A summary of every page. */
  allSummaries(): PageSummary[] {
    return this.pages().map((path) => this.summary(path));
  }

  read(url: string): string {
    let code = this.code.get(url);
    if (code === undefined) {
      code = readFileSync(this.file(url), 'utf8');
      this.code.set(url, code);
    }
    return code;
  }

  bytes(url: string): Bytes {
    let size = this.sizes.get(url);
    if (!size) {
      const buffer = readFileSync(this.file(url));
      size = { raw: buffer.length, gzip: gzipSync(buffer).length };
      this.sizes.set(url, size);
    }
    return size;
  }

  javascript(path: string): PageJavaScript {
    const page = this.summary(path);
    const read = (url: string) => this.read(url);
    const themeFiles = moduleClosure(page.scriptSrcs, read);
    const themeAll = moduleClosure(page.scriptSrcs, read, { dynamic: true });
    // Only the search UI is loaded by the theme on its own; other dynamic imports wait for the reader.
    const themeLazyFiles = themeAll.filter((url) => !themeFiles.includes(url) && this.isSearchUi(url));
    const islandEntries = page.islands.flatMap((i) => [i.componentUrl, i.rendererUrl, i.beforeHydrationUrl].filter((u): u is string => !!u));
    const islandFiles = moduleClosure([...new Set(islandEntries)], read).filter((url) => !themeFiles.includes(url));
    const sum = (files: string[]) => addBytes(...files.map((f) => this.bytes(f)));
    const inline = (runtime: boolean) =>
      addBytes(...page.inlineScripts.filter((s) => s.islandRuntime === runtime).map((s) => ({ raw: s.bytes, gzip: s.gzipBytes })));
    return {
      themeFiles,
      themeLazyFiles,
      islandFiles,
      theme: sum(themeFiles),
      themeLazy: sum(themeLazyFiles),
      islands: sum(islandFiles),
      themeInline: inline(false),
      islandInline: inline(true),
    };
  }

  /** Whether a module is Pagefind's search UI (@pagefind/default-ui), which the search box imports on first use. */
  isSearchUi(url: string): boolean {
    return this.read(url).includes('pagefind-ui');
  }
}

/** The names of Starlight's components (for {@link isThemeScript}), read from the installed package. */
export function starlightComponents(root: string): Set<string> {
  const dir = join(root, 'node_modules', '@astrojs', 'starlight', 'components');
  return new Set(readdirSync(dir).filter((f) => f.endsWith('.astro')).map((f) => f.replace(/\.astro$/, '')));
}

/** Formats a byte count the way the docs show it: "12.3 kB" (1 kB = 1000 bytes, as browsers' dev tools count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** The pages the measuring scripts look at, chosen from the build rather than listed by hand. */
export interface ChosenPages {
  /** The course home. */
  home?: PageSummary;
  /** The lesson with the most running text, preferring lessons without widgets (the lab launcher is not one). */
  textHeavyLesson?: PageSummary;
  /** The page whose islands ship the most JavaScript. */
  heaviestWidgetPage?: PageSummary;
  /** One page of each kind (the first in URL order, or the one named above): what the screenshots show. */
  byKind: Partial<Record<PageKind, PageSummary>>;
}

/** Chooses the pages to audit and photograph. `islandBytes` gives the island JavaScript a page ships. */
export function choosePages(pages: readonly PageSummary[], islandBytes: (page: PageSummary) => number): ChosenPages {
  // The course's lessons: pages with a sidebar, apart from the instructor guide (not a lesson).
  const lessons = pages.filter((p) => (p.kind === 'lesson' || p.kind === 'lesson-with-widgets') && !p.path.startsWith('/instructors/'));
  // A lesson with no widget but the lab launcher (a button that loads nothing until it is pressed, and
  // renders nothing without JavaScript) reads as a text lesson: every lesson with a lab has one.
  const plain = lessons.filter((p) => p.islands.every((island) => island.jsOnly));
  const mostWords = (list: PageSummary[]) => [...list].sort((a, b) => b.words - a.words || a.path.localeCompare(b.path))[0];
  const withIslands = pages.filter((p) => p.islands.length > 0);
  const heaviestWidgetPage = [...withIslands].sort(
    (a, b) => islandBytes(b) - islandBytes(a) || b.islands.length - a.islands.length || a.path.localeCompare(b.path),
  )[0];
  const textHeavyLesson = mostWords(plain) ?? mostWords(lessons.filter((p) => p !== heaviestWidgetPage)) ?? mostWords(lessons);
  const byKind: Partial<Record<PageKind, PageSummary>> = {};
  for (const page of pages) byKind[page.kind] ??= page;
  if (textHeavyLesson && plain.includes(textHeavyLesson)) byKind.lesson = textHeavyLesson;
  if (heaviestWidgetPage?.kind === 'lesson-with-widgets') byKind['lesson-with-widgets'] = heaviestWidgetPage;
  return { home: pages.find((p) => p.kind === 'home'), textHeavyLesson, heaviestWidgetPage, byKind };
}
