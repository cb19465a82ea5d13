import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from './markdown';
import { mistakeNote, objectivesOf, widgetsOf } from './lesson-source';

const lesson = `import { Lab, WidgetFigure } from '~/components/authoring';
import HockeyStick from '~/components/widgets/module-16/HockeyStick';
import Unused from '~/components/widgets/module-16/Unused';
import QueueDiagram from '~/components/diagrams/module-16/QueueDiagram.astro';

By the end of this lesson you will be able to:

- compute the mean waiting time of an M/M/1 queue, and explain
  why it grows like $1/(1-\\rho)$;
- use **Kingman's formula**.

## Naming a queue

<QueueDiagram />

## Explore the hockey stick

<WidgetFigure>
  <HockeyStick client:visible />
</WidgetFigure>
`;

describe('reading a lesson', () => {
  it('finds the objectives after the house opening, joining wrapped lines', () => {
    expect(objectivesOf(lesson)).toEqual(["compute the mean waiting time of an M/M/1 queue, and explain why it grows like $1/(1-\\rho)$;", "use **Kingman's formula**."]);
    expect(objectivesOf('No objectives here.')).toEqual([]);
  });

  it('finds the widgets the lesson uses, with the section each sits in', () => {
    expect(widgetsOf(lesson)).toEqual([{ name: 'HockeyStick', from: '~/components/widgets/module-16/HockeyStick', section: 'Explore the hockey stick' }]);
  });

  it("reads a known mistake's label and text from its first comment", () => {
    expect(mistakeNote('// Classic mistake: no cap at maxLimit, so the limit grows.\nexport * from "../solution";')).toEqual({ label: 'Classic mistake', text: 'no cap at maxLimit, so the limit grows.' });
    expect(mistakeNote('// Off by one: counting retries.\n')).toEqual({ label: 'Off by one', text: 'counting retries.' });
    expect(mistakeNote('// drops the newest.\n')).toEqual({ label: 'Mistake', text: 'drops the newest.' });
  });

  it('renders an objective as inline HTML with KaTeX', () => {
    const html = inlineMarkdown("use **Kingman's** formula, $1/(1-\\rho)$");
    expect(html).toMatch(/^use <strong>Kingman's<\/strong> formula, <span class="katex">/);
    expect(html).not.toContain('<p>');
  });
});
