/**
 * Keeps generated figures in a hand-written Markdown page: a script replaces the text between
 * `<!-- <name>:start -->` and `<!-- <name>:end -->` and leaves the rest of the page alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces the block called `name` in `markdown` with `content`; throws if the markers are missing. */
export function replaceBlock(markdown: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < 0 || to < from) {
    throw new Error(`the page has no block "${name}": add the lines ${start} and ${end} where the figures go`);
  }
  return `${markdown.slice(0, from + start.length)}\n${content.trim()}\n${markdown.slice(to)}`;
}

/** Rewrites the block called `name` in the Markdown file at `path`. */
export function updateDocsBlock(path: string, name: string, content: string): void {
  writeFileSync(path, replaceBlock(readFileSync(path, 'utf8'), name, content));
}

/** A Markdown table. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
