/**
 * A rehype plugin that makes the boxes which scroll sideways on a narrow screen reachable by keyboard:
 * display formulas (KaTeX's `.katex-display`, given `overflow-x: auto` in course.css) and tables
 * (Starlight makes them `overflow: auto`). On a 375 px phone a long formula or a five-column table is
 * wider than the screen and scrolls inside its box; without a tab stop, a keyboard user could not
 * scroll it (WCAG 2.1.1, axe's scrollable-region-focusable). Added at build time, since the site ships
 * no script of its own. Run it after rehype-katex.
 */

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function classes(node: Node): string[] {
  const value = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** Whether the element can become a box that scrolls sideways. */
export function scrollsSideways(node: Node): boolean {
  if (node.type !== 'element') return false;
  return node.tagName === 'table' || classes(node).includes('katex-display');
}

/** Gives every display formula and table a place in the tab order (unless it already has one). */
export default function rehypeFocusableScrollBoxes() {
  return (tree: Node): void => {
    const visit = (node: Node): void => {
      if (scrollsSideways(node) && node.properties?.tabIndex === undefined) {
        node.properties = { ...node.properties, tabIndex: 0 };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
