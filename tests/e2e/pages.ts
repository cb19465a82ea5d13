/**
 * The pages of the built site, found by walking dist/ (so every page that exists is checked), and the
 * labs' metadata, read from the same files the site is built from.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadLabs } from '../../src/labs/catalog';

export const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The URL path of every page in dist/ (404.html included), e.g. "/module-16/littles-law/". */
export function builtPages(): string[] {
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  return htmlFiles(dist)
    .map((file) => `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

/** The built HTML of a page, for checks that do not need a browser. */
export function builtHtml(path: string): string {
  const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
  return readFileSync(file, 'utf8');
}

export const labs = loadLabs(join(root, 'labs'));
