import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../scripts/lib/contrast';
import { markdownTable, replaceBlock } from '../../scripts/lib/docs-block';
import { choosePages, decodeEntities, formatBytes, importsOf, isThemeScript, moduleClosure, readPage, type PageSummary } from '../../scripts/lib/site-dist';

const doc = (body: string, { sidebar = true } = {}) =>
  `<!doctype html><html lang="en" data-theme="dark"${sidebar ? ' data-has-toc data-has-sidebar' : ' data-has-hero'}><head><title>T | Site</title>` +
  `<script>window.StarlightThemeProvider = 1;</script><script type="module" src="/_astro/page.abc.js"></script>` +
  `<script type="application/ld+json">{"a":1}</script></head><body><main>${body}</main></body></html>`;

const island =
  '<astro-island uid="x" component-url="/_astro/Calc.1.js" component-export="default" renderer-url="/_astro/client.2.js" props="{}" ssr client="visible" opts="{&quot;name&quot;:&quot;Calc&quot;,&quot;value&quot;:true}" await-children><form>…</form></astro-island>' +
  '<script>(()=>{class y extends HTMLElement{};customElements.define("astro-island",y)})();</script>';

describe('readPage', () => {
  it('classifies a lesson with an island, and reads the island, its scripts and its runtime', () => {
    const page = readPage(doc(`<h1 id="_top">Little&#39;s Law</h1><p>Some words here.</p>${island}`), '/m/lesson/');
    expect(page.kind).toBe('lesson-with-widgets');
    expect(page.title).toBe("Little's Law");
    expect(page.islands).toEqual([
      { name: 'Calc', componentUrl: '/_astro/Calc.1.js', rendererUrl: '/_astro/client.2.js', beforeHydrationUrl: undefined, client: 'visible', serverRendered: true, jsOnly: false },
    ]);
    expect(page.scriptSrcs).toEqual(['/_astro/page.abc.js']);
    expect(page.inlineScripts.map((s) => s.islandRuntime)).toEqual([false, true]);
  });

  it("reads an island's attributes, not words inside its props (a hint that says \"the client retries\")", () => {
    const launcher = island
      .replace('props="{}"', 'props="{&quot;hint&quot;:[0,&quot;the client retries &gt; once&quot;]}"')
      .replace('Calc', 'LabLauncher')
      .replace('&quot;Calc&quot;', '&quot;LabLauncher&quot;');
    const [ref] = readPage(doc(`<h1 id="_top">Retries</h1><p>Words.</p>${launcher}`), '/m/retries/').islands;
    expect(ref).toMatchObject({ name: 'LabLauncher', client: 'visible', serverRendered: true, jsOnly: true });
  });

  it('tells the home, the 404 page, a plain lesson and another splash page apart', () => {
    expect(readPage(doc('<p>x</p>', { sidebar: false }), '/').kind).toBe('home');
    expect(readPage(doc('<p>x</p>', { sidebar: false }), '/404.html').kind).toBe('not-found');
    expect(readPage(doc('<h1>A</h1><p>x</p>'), '/m/a/').kind).toBe('lesson');
    expect(readPage(doc('<p>x</p>', { sidebar: false }), '/about/').kind).toBe('splash');
  });

  it('counts words of running text, leaving out SVG, MathML and scripts, and counts KaTeX formulas', () => {
    const page = readPage(
      doc('<p>One two three.</p><svg><text>ignored words</text></svg><span class="katex"><math><mi>x</mi></math></span><script>var a = "not words"</script>'),
      '/m/a/',
    );
    expect(page.words).toBe(3);
    expect(page.formulas).toBe(1);
  });

  it('marks a client:only island, or one rendered empty, as not server-rendered', () => {
    const only = island.replace('client="visible"', 'client="only"').replace('<form>…</form>', '');
    expect(readPage(doc(only), '/m/a/').islands[0]).toMatchObject({ client: 'only', serverRendered: false });
    const empty = island.replace('<form>…</form>', ' ');
    expect(readPage(doc(empty), '/m/a/').islands[0]).toMatchObject({ client: 'visible', serverRendered: false });
  });
});

describe('importsOf', () => {
  it("finds Vite's static imports and re-exports, and keeps dynamic imports apart", () => {
    const code =
      'import{h as a}from"./preact.1.js";import"./side.2.js";export{b}from"./re.3.js";' +
      'const x=()=>import("./lazy.4.js");const s="./not-an-import.js";';
    expect(importsOf(code)).toEqual({ static: ['./preact.1.js', './side.2.js', './re.3.js'], dynamic: ['./lazy.4.js'] });
  });
});

describe('moduleClosure', () => {
  const files: Record<string, string> = {
    '/_astro/a.js': 'import"./b.js";const l=()=>import("./c.js");',
    '/_astro/b.js': 'import"./a.js";',
    '/_astro/c.js': 'import"./d.js";',
    '/_astro/d.js': '',
  };
  const read = (url: string) => files[url] ?? '';

  it('follows static imports, once each, through cycles', () => {
    expect(moduleClosure(['/_astro/a.js'], read).sort()).toEqual(['/_astro/a.js', '/_astro/b.js']);
  });

  it('follows dynamic imports too when asked', () => {
    expect(moduleClosure(['/_astro/a.js'], read, { dynamic: true }).sort()).toEqual(['/_astro/a.js', '/_astro/b.js', '/_astro/c.js', '/_astro/d.js']);
  });
});

describe('isThemeScript', () => {
  const starlight = new Set(['Search', 'TableOfContents']);

  it("accepts scripts hoisted from Starlight's components, Astro's prefetch and Expressive Code", () => {
    expect(isThemeScript('/_astro/Search.astro_astro_type_script_index_0_lang.CLg7mG-P.js', starlight)).toBe(true);
    expect(isThemeScript('/_astro/page.B1D-nYk3.js', starlight)).toBe(true);
    expect(isThemeScript('/_astro/ec.0vx5m.js', starlight)).toBe(true);
  });

  it("rejects a script hoisted from the course's own component, and an island's module", () => {
    expect(isThemeScript('/_astro/Stepper.astro_astro_type_script_index_0_lang.x1.js', starlight)).toBe(false);
    expect(isThemeScript('/_astro/CapacityCalculator.CFWs0z7a.js', starlight)).toBe(false);
  });
});

describe('choosePages', () => {
  const page = (path: string, kind: PageSummary['kind'], words: number, islands = 0): PageSummary => ({
    path,
    kind,
    title: path,
    islands: Array.from({ length: islands }, () => ({ name: 'W', componentUrl: `/_astro/${path}.js`, client: 'visible', serverRendered: true, jsOnly: false })),
    scriptSrcs: [],
    inlineScripts: [],
    words,
    formulas: 0,
  });

  it('picks the lesson with the most words among lessons without widgets, and the page with the most island JavaScript', () => {
    const pages = [page('/', 'home', 400), page('/a/', 'lesson', 900), page('/b/', 'lesson', 1200), page('/c/', 'lesson-with-widgets', 3000, 1), page('/d/', 'lesson-with-widgets', 100, 2)];
    const bytes: Record<string, number> = { '/c/': 10_000, '/d/': 30_000 };
    const chosen = choosePages(pages, (p) => bytes[p.path] ?? 0);
    expect(chosen.home?.path).toBe('/');
    expect(chosen.textHeavyLesson?.path).toBe('/b/');
    expect(chosen.heaviestWidgetPage?.path).toBe('/d/');
    expect(chosen.byKind.lesson?.path).toBe('/b/');
    expect(chosen.byKind['lesson-with-widgets']?.path).toBe('/d/');
  });

  it('does not take a page of the instructor guide for a lesson', () => {
    const chosen = choosePages([page('/a/', 'lesson', 900), page('/instructors/labs/', 'lesson', 5000)], () => 0);
    expect(chosen.textHeavyLesson?.path).toBe('/a/');
  });

  it('counts a lesson whose only island is the lab launcher as a text lesson, not a widget page', () => {
    const launcher = (path: string, words: number): PageSummary => ({
      ...page(path, 'lesson-with-widgets', words),
      islands: [{ name: 'LabLauncher', componentUrl: '/_astro/LabLauncher.js', client: 'visible', serverRendered: true, jsOnly: true }],
    });
    const chosen = choosePages([page('/a/', 'lesson', 900), launcher('/lab/', 2500), page('/w/', 'lesson-with-widgets', 4000, 1)], () => 1);
    expect(chosen.textHeavyLesson?.path).toBe('/lab/');
  });

  it('falls back to a lesson with widgets when there is no plain lesson', () => {
    const chosen = choosePages([page('/c/', 'lesson-with-widgets', 3000, 1)], () => 1);
    expect(chosen.textHeavyLesson?.path).toBe('/c/');
    expect(chosen.heaviestWidgetPage?.path).toBe('/c/');
  });
});

describe('helpers', () => {
  it('decodes the entities Astro writes', () => {
    expect(decodeEntities('Little&#39;s &amp; &quot;x&quot; &#x3BB; &lt;')).toBe('Little\'s & "x" λ <');
  });

  it('formats bytes in kB and MB of 1000', () => {
    expect([formatBytes(999), formatBytes(15_503), formatBytes(2_345_678)]).toEqual(['999 B', '15.5 kB', '2.35 MB']);
  });

  it('replaces a marked block and says which markers are missing', () => {
    const page = 'a\n<!-- x:start -->\nold\n<!-- x:end -->\nb';
    expect(replaceBlock(page, 'x', 'new')).toBe('a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb');
    expect(() => replaceBlock(page, 'y', 'new')).toThrow('<!-- y:start -->');
  });

  it('writes a Markdown table', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
  });

  it('computes WCAG contrast: 21:1 for black on white, 1:1 for a colour on itself, 4.5:1 for #767676 on white', () => {
    expect(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(10, 20, 30)', 'rgba(10, 20, 30, 1)')).toBeCloseTo(1, 10);
    expect(contrastRatio('rgb(118, 118, 118)', 'rgb(255, 255, 255)')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('oklch(0.5 0.1 200)', 'rgb(0, 0, 0)')).toThrow('cannot read the colour');
  });
});
