/**
 * The grader's report for people: per lab, the score, every test with its status and points, the first
 * test to fix with its message and hint, and the command to grade that lab again; then the total.
 */
import pc from 'picocolors';
import type { GradedLab, GradedTest } from './grade';

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

export function formatLab(lab: GradedLab): string {
  const out: string[] = [];
  const full = lab.score === lab.max;
  out.push(`${pc.bold(lab.id)} ${pc.dim('·')} ${lab.title}  ${(full ? pc.green : pc.bold)(`${lab.score}/${lab.max} points`)}`);
  if (lab.diagnosis) {
    out.push(indent(`${pc.red('Could not grade this lab:')} ${lab.diagnosis}`, '  '));
  } else {
    for (const test of lab.tests) {
      out.push(`  ${mark[test.status]} ${test.name} ${pc.dim(`${test.points}/${test.max}`)}`);
    }
  }
  const count = (status: GradedTest['status']) => lab.tests.filter((t) => t.status === status).length;
  const summary = [`${count('passed')} passed`, `${count('failed')} failed`];
  if (count('timeout')) summary.push(`${count('timeout')} timed out`);
  if (count('error')) summary.push(`${count('error')} could not run`);
  out.push(`  ${summary.join(', ')}`);
  const next = lab.tests.find((test) => test.status !== 'passed');
  if (next && !lab.diagnosis) {
    out.push(`  ${pc.bold('First to fix:')} ${next.name}`);
    if (next.message) out.push(indent(next.message, '    '));
    out.push(`    ${pc.cyan('Hint:')} ${next.hints.question}`);
    out.push(`    ${pc.dim('Lesson:')} ${lessonUrl(lab.lesson, next.hints.section)} ${pc.dim('(npm start)')}`);
  }
  out.push(`  ${pc.dim('Grade again:')} npm run grade ${lab.id}`);
  return out.join('\n');
}

export function formatReport(labs: GradedLab[]): string {
  const score = labs.reduce((sum, lab) => sum + lab.score, 0);
  const max = labs.reduce((sum, lab) => sum + lab.max, 0);
  const parts = labs.map(formatLab);
  parts.push(pc.bold(`Total: ${score}/${max} points${labs.length > 1 ? ` across ${labs.length} labs` : ''}`));
  return `${parts.join('\n\n')}\n`;
}
