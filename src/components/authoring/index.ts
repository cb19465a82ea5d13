/**
 * The tags a lesson uses to build itself, behind one import:
 * `import { Lab, Source, WidgetFigure } from '~/components/authoring';`
 *   - `<Lab id="…" />` embeds a lab (brief, contract, grade command, graded tests);
 *   - `<Source file="…" region="…" />` quotes a real file of the course, or one region of it;
 *   - `<WidgetFigure live="…">` frames a widget with the sentence saying what its live version adds.
 * Widgets live in `~/components/widgets/<module>/`, diagrams in `~/components/diagrams/<module>/`.
 */
export { default as Lab } from './Lab.astro';
export { default as Source } from './Source.astro';
export { default as WidgetFigure } from './WidgetFigure.astro';
