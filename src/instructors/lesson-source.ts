/**
 * What the instructor guide reads from a lesson's own source (its MDX body), so that the guide follows
 * the lessons as they are written: the learning objectives (the list after "By the end of this lesson
 * you will be able to:", the course's house opening) and the widgets it embeds (components imported
 * from ~/components/widgets/ and used in the page), each with the section it sits in.
 */

/** The sentence that opens every lesson's objectives. */
export const OBJECTIVES_LEAD = /By the end of this (?:lesson|case study|page) you will be able to:?\s*\n/i;

/** The lesson's learning objectives, as Markdown, one per item (wrapped lines joined). */
export function objectivesOf(body: string): string[] {
  const text = body.replace(/\r\n/g, '\n');
  const lead = OBJECTIVES_LEAD.exec(text);
  if (!lead) return [];
  const items: string[] = [];
  for (const line of text.slice(lead.index + lead[0].length).split('\n')) {
    if (/^\s*$/.test(line)) {
      if (items.length) break;
      continue;
    }
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) items.push(item[1]!.trim());
    else if (items.length && /^\s+\S/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else break;
  }
  return items;
}

export interface WidgetUse {
  /** The component's name, e.g. "HockeyStick". */
  name: string;
  /** The module path it is imported from, e.g. "~/components/widgets/module-16/HockeyStick". */
  from: string;
  /** The text of the `## ` heading above its first use, if any. */
  section?: string;
}

/** The widgets a lesson embeds, in the order they first appear. */
export function widgetsOf(body: string): WidgetUse[] {
  const text = body.replace(/\r\n/g, '\n');
  const imports = [...text.matchAll(/^import\s+(\w+)\s+from\s+['"](~\/components\/widgets\/[^'"]+)['"]/gm)].map((m) => ({ name: m[1]!, from: m[2]! }));
  const uses: (WidgetUse & { at: number })[] = [];
  for (const widget of imports) {
    const use = new RegExp(`<${widget.name}[\\s/>]`).exec(text);
    if (!use) continue;
    const heading = [...text.slice(0, use.index).matchAll(/^##\s+(.+)$/gm)].pop();
    uses.push({ ...widget, at: use.index, ...(heading ? { section: heading[1]!.trim() } : {}) });
  }
  return uses.sort((a, b) => a.at - b.at).map(({ at: _at, ...use }) => use);
}

/** The first sentence of a mistake file's opening comment, split into its label and what it says. */
export function mistakeNote(source: string): { label: string; text: string } {
  const first = source.replace(/\r\n/g, '\n').split('\n').find((line) => line.trim());
  const comment = first && /^\s*\/\/\s*(.*)$/.exec(first)?.[1];
  if (!comment) return { label: 'Mistake', text: '' };
  const labelled = /^([^:]{2,60}?):\s+(.+)$/.exec(comment);
  return labelled ? { label: labelled[1]!.trim(), text: labelled[2]!.trim() } : { label: 'Mistake', text: comment.trim() };
}
