import { describe, expect, it } from 'vitest';
import rehypeFocusableScrollBoxes, { scrollsSideways } from './focusable-scroll-boxes';

const element = (tagName: string, className?: string[], properties: Record<string, unknown> = {}) => ({
  type: 'element',
  tagName,
  properties: className ? { className, ...properties } : properties,
  children: [],
});

describe('rehypeFocusableScrollBoxes', () => {
  it('puts display formulas and tables in the tab order, and nothing else', () => {
    const display = element('span', ['katex-display']);
    const inline = element('span', ['katex']);
    const table = element('table');
    const paragraph = { type: 'element', tagName: 'p', properties: {}, children: [inline] };
    const tree = { type: 'root', children: [paragraph, display, table] };
    rehypeFocusableScrollBoxes()(tree);
    expect(display.properties.tabIndex).toBe(0);
    expect(table.properties.tabIndex).toBe(0);
    expect(inline.properties).not.toHaveProperty('tabIndex');
    expect(paragraph.properties).not.toHaveProperty('tabIndex');
  });

  it('keeps a tab index an author set', () => {
    const table = element('table', undefined, { tabIndex: -1 });
    rehypeFocusableScrollBoxes()({ type: 'root', children: [table] });
    expect(table.properties.tabIndex).toBe(-1);
  });

  it('reads class names given as a list or as a string', () => {
    expect(scrollsSideways(element('span', ['katex-display']))).toBe(true);
    expect(scrollsSideways({ type: 'element', tagName: 'span', properties: { className: 'x katex-display' } })).toBe(true);
    expect(scrollsSideways({ type: 'text' })).toBe(false);
  });
});
