/**
 * The grader's report for people: per lab, the score, every test with its status and points, the first
 * test to fix with what it expected and got, and its hints so far; then the total, a progress bar across
 * the course, and — when grading files were changed — a plain warning that the score is not valid.
 */
import pc from 'picocolors';
import type { GradedLab, GradedTest } from './grade';
import { hintLines } from './hints';
import type { IntegrityVerdict } from './integrity';

/** Where `npm start` serves the course. */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

const mark: Record<GradedTest['status'], string> = {
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  timeout: pc.yellow('⏱'),
  error: pc.red('!'),
};

export function lessonUrl(lesson: string, section?: string): string {
  return `${LOCAL_SITE}/${lesson}/${section ? `#${section}` : ''}`;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

/** A bar of `width` cells, filled in proportion to score/max. */
export function progressBar(score: number, max: number, width = 24): string {
  const filled = max ? Math.round((score / max) * width) : 0;
  return `${pc.green('█'.repeat(filled))}${pc.dim('░'.repeat(width - filled))}`;
}

export interface FormatOptions {
  /** How many hint steps are open for a test (1–3). */
  hintSteps?: (lab: string, test: string) => number;
  /** The lesson file and heading of a hint's section (the third step). */
  lessonSection?: (lesson: string, section: string) => { file: string; heading?: string } | undefined;
  /** List every test, not only the summary (default true). */
  listTests?: boolean;
}

/** The first test a student should work on next: the first one that did not pass. */
export function nextToFix(lab: GradedLab): GradedTest | undefined {
  return lab.tests.find((test) => test.status !== 'passed');
}

export function formatLab(lab: GradedLab, options: FormatOptions = {}): string {
  const out: string[] = [];
  const full = lab.score === lab.max;
  out.push(`${pc.bold(lab.id)} ${pc.dim('·')} ${lab.title}  ${(full ? pc.green : pc.bold)(`${lab.score}/${lab.max} points`)}`);
  if (!lab.valid) {
    out.push(indent(pc.red(pc.bold(`⚠ Not valid: ${lab.diagnosis ?? lab.invalid ?? ''}`)), '  '));
  } else if (lab.diagnosis) {
    out.push(indent(`${pc.red('Could not grade this lab:')} ${lab.diagnosis}`, '  '));
  } else if (options.listTests ?? true) {
    for (const test of lab.tests) out.push(`  ${mark[test.status]} ${test.name} ${pc.dim(`${test.points}/${test.max}`)}`);
  }
  const count = (status: GradedTest['status']) => lab.tests.filter((t) => t.status === status).length;
  const summary = [`${count('passed')} passed`, `${count('failed')} failed`];
  if (count('timeout')) summary.push(`${count('timeout')} timed out`);
  if (count('error')) summary.push(`${count('error')} could not run`);
  out.push(`  ${summary.join(', ')}`);
  for (const warning of lab.warnings) out.push(indent(`${pc.yellow('Warning:')} ${warning}`, '  '));
  const next = nextToFix(lab);
  if (next && !lab.diagnosis) {
    out.push(`  ${pc.bold('Next to fix:')} ${next.name}`);
    if (next.message) out.push(indent(next.message, '    '));
    if (next.logs?.length) {
      out.push(`    ${pc.dim('Your code printed, during this test:')}`);
      for (const line of next.logs) out.push(`      ${pc.dim(line)}`);
    }
    const steps = options.hintSteps?.(lab.id, next.name) ?? 1;
    const where = options.lessonSection ? (section: string) => options.lessonSection!(lab.lesson, section) : undefined;
    for (const line of hintLines(next.hints, steps, (section) => lessonUrl(lab.lesson, section), where)) out.push(`    ${pc.cyan(line)}`);
    if (steps < 3) out.push(pc.dim(`    More help: npm run hint ${lab.id}`));
  }
  out.push(`  ${pc.dim('Grade again:')} npm run grade ${lab.id}`);
  return out.join('\n');
}

export function formatIntegrity(integrity: IntegrityVerdict): string | undefined {
  if (integrity.verdict !== 'modified') return undefined;
  return pc.red(
    pc.bold(
      `⚠ The grading files were changed: ${integrity.changed.join(', ')}.\n  This score is not valid. Restore them with: git checkout -- ${integrity.changed.join(' ')}`,
    ),
  );
}

/** The course-wide line: total points and a bar, with one mini-bar per lab when there are several. */
export function formatProgress(labs: GradedLab[]): string {
  const score = labs.reduce((sum, lab) => sum + lab.score, 0);
  const max = labs.reduce((sum, lab) => sum + lab.max, 0);
  const lines = [`${pc.bold('Total:')} ${score}/${max} points ${progressBar(score, max)} ${max ? Math.round((100 * score) / max) : 0}%`];
  if (labs.length > 1) {
    const width = Math.max(...labs.map((lab) => lab.id.length));
    for (const lab of labs) lines.push(`  ${lab.id.padEnd(width)} ${progressBar(lab.score, lab.max, 12)} ${lab.score}/${lab.max}`);
  }
  return lines.join('\n');
}

export function formatReport(labs: GradedLab[], integrity: IntegrityVerdict, options: FormatOptions = {}): string {
  const invalid = labs.filter((lab) => !lab.valid);
  const warning = [
    formatIntegrity(integrity),
    ...(invalid.length ? [pc.red(pc.bold(`⚠ Not valid: ${invalid.map((lab) => lab.id).join(', ')} tried a shortcut (see below); ${invalid.length === 1 ? 'that lab scores' : 'those labs score'} 0.`))] : []),
  ]
    .filter(Boolean)
    .join('\n');
  const parts = [...(warning ? [warning] : []), ...labs.map((lab) => formatLab(lab, options)), formatProgress(labs)];
  if (warning) parts.push(warning);
  return `${parts.join('\n\n')}\n`;
}
