/**
 * Renders a short piece of the course's Markdown — an objective read from a lesson, a hint from a
 * lab.json — to HTML at build time, with inline math through KaTeX as the lessons render it.
 */
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeStringify);

/** One paragraph of Markdown as inline HTML (its <p> removed). */
export function inlineMarkdown(text: string): string {
  const html = String(processor.processSync(text)).trim();
  return html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
