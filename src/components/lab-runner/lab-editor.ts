/**
 * The view-model of the lab editor on a lesson page (LabEditor.tsx): what is saved where, the sentences
 * the live region reads, and the stepped hints. Pure; unit-tested in lab-editor.test.ts.
 */
import type { Hints } from '../../labs/schema';
import type { GradedLab, GradedTest, ScoredLabMeta } from '../../grader/scoring';

/** What the launcher hands the editor (serialized into the page at build time). */
export interface LabEditorProps {
  id: string;
  meta: ScoredLabMeta;
  starter: string;
  /** Heading of each hint section the lab's hints point at, by anchor. */
  sections: Record<string, string>;
  /** The site's base path (import.meta.env.BASE_URL). */
  base: string;
}

/** Where the student's code for a lab is kept in localStorage. */
export const storageKey = (id: string): string => `qc-lab-code:${id}`;
/** How long after the last keystroke the code is saved. */
export const SAVE_DELAY_MS = 400;

/** The file a download saves: the one to drop into labs/<id>/<id>.ts. */
export const downloadName = (id: string): string => `${id}.ts`;

/** The code to show: the saved code when there is some, else the starter. */
export function initialCode(saved: string | null | undefined, starter: string): string {
  return saved != null && saved.trim() !== '' ? saved : starter;
}

/** The live region's sentence after a run. */
export function summary(graded: GradedLab): string {
  const passed = graded.tests.filter((t) => t.status === 'passed').length;
  const head = `${graded.score} of ${graded.max} points: ${passed} of ${graded.tests.length} tests passed.`;
  if (graded.diagnosis) return `${head} ${graded.diagnosis}`;
  const next = graded.tests.find((t) => t.status !== 'passed');
  return next ? `${head} Next to fix: ${next.name}.` : `${head} Full marks.`;
}

export const STATUS_WORDS: Record<GradedTest['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  timeout: 'timed out',
  error: 'could not run',
};

export interface HintStep {
  label: string;
  text: string;
  /** The lesson section the step points at (the third step). */
  href?: string;
}

/** The first `steps` (1–3) steps of a test's hints, as the grader words them, with the third as a link. */
export function hintSteps(hints: Hints, steps: number, sections: Record<string, string>): HintStep[] {
  const out: HintStep[] = [];
  if (steps >= 1) out.push({ label: 'Hint 1/3', text: hints.question });
  if (steps >= 2) out.push({ label: 'Hint 2/3', text: hints.idea });
  if (steps >= 3) {
    const heading = sections[hints.section];
    out.push({ label: 'Hint 3/3', text: heading ? `read the section “${heading}”` : 'read this section of the lesson', href: `#${hints.section}` });
  }
  return out;
}

/** The absolute URL of a lab asset (test bundle, compiler) under the site's base. */
export function assetUrl(base: string, path: string, origin: string): string {
  return new URL(`${base.replace(/\/?$/, '/')}_labs/${path}`, origin).href;
}
