/**
 * Hints come in three steps — a question, then the idea, then the lesson section — and the grader
 * shows the next step only when asked (`npm run grade -- --hint`). How far each test's hints have been
 * opened is remembered on the student's machine, in node_modules/.cache (never committed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Hints } from '../labs/schema';

export const HINT_STEPS = ['question', 'idea', 'section'] as const;

const stateSchema = z.record(z.string(), z.number().int().min(1).max(HINT_STEPS.length));

/** How many steps of each test's hints are open, keyed by "<lab> › <test>". */
export class HintState {
  readonly #file: string;
  #opened: Record<string, number>;

  constructor(root: string) {
    this.#file = join(root, 'node_modules', '.cache', 'queues-and-caches', 'hints.json');
    let opened: Record<string, number> = {};
    try {
      if (existsSync(this.#file)) opened = stateSchema.parse(JSON.parse(readFileSync(this.#file, 'utf8')));
    } catch {
      // A damaged file only means hints start again from the first step.
    }
    this.#opened = opened;
  }

  /** Steps open for a test: at least 1 (the question is always shown). */
  opened(lab: string, test: string): number {
    return this.#opened[`${lab} › ${test}`] ?? 1;
  }

  /** Opens one more step (up to 3) and saves; returns how many are open now. */
  openNext(lab: string, test: string): number {
    const next = Math.min(HINT_STEPS.length, this.opened(lab, test) + 1);
    this.#opened[`${lab} › ${test}`] = next;
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, `${JSON.stringify(this.#opened, null, 2)}\n`);
    return next;
  }
}

/**
 * The text of the first `steps` hint steps. The third names the lesson section: its heading and file
 * when known (readable in any editor), and its address on the local site (which works while `npm start`
 * runs).
 */
export function hintLines(
  hints: Hints,
  steps: number,
  lessonUrl: (section: string) => string,
  where?: (section: string) => { file: string; heading?: string } | undefined,
): string[] {
  const lines = [`Hint 1/3: ${hints.question}`];
  if (steps >= 2) lines.push(`Hint 2/3: ${hints.idea}`);
  if (steps >= 3) {
    const place = where?.(hints.section);
    lines.push(
      place
        ? `Hint 3/3: read ${place.heading ? `the section “${place.heading}” in ` : ''}${place.file} (or, while \`npm start\` runs, ${lessonUrl(hints.section)})`
        : `Hint 3/3: read ${lessonUrl(hints.section)}`,
    );
  }
  return lines;
}
