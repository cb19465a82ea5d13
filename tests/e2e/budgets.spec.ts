/**
 * JavaScript budgets: the course's own sources add no <script>. The budgets page by page (a page
 * without islands loads the theme's scripts and nothing else, within scripts/lib/budgets.ts; a page
 * with islands loads each island's module only once it is scrolled into view) are checked on the one
 * load site.spec.ts makes of every page (tests/e2e/checks.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { root } from './pages';

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name) && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => join(dir, name));
}

// Astro inlines small component scripts, so they cannot be told from the theme's in the built page;
// the sources can. The course's interactivity lives in islands, which the checks below account for.
test("the course's components and lessons add no <script> of their own", () => {
  // src/components/overrides/ holds Starlight's own components with a change (each says which): their
  // scripts are the theme's, built under the theme's names and counted in the theme's budget.
  const overrides = join(root, 'src', 'components', 'overrides');
  const sources = [...filesUnder(join(root, 'src'), /\.astro$/).filter((file) => !file.startsWith(overrides)), ...filesUnder(join(root, 'content'), /\.mdx?$/)];
  expect(sources.length, 'components and lessons found').toBeGreaterThan(2);
  const withScripts = sources.filter((file) => {
    // Code shown in a lesson (fenced or inline) is text, not a script on the page.
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    return [...text.matchAll(/<script\b([^>]*)>/g)].some(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs ?? ''));
  });
  expect(withScripts.map((f) => relative(root, f)), 'files with a <script> (make the behaviour a Preact island with client:visible)').toEqual([]);
});
