/**
 * A JUnit XML report (`npm run grade -- --junit <file>`), for CI systems other than GitHub Classroom:
 * one <testsuite> per lab, one <testcase> per graded test, with its points as properties.
 */
import type { Report } from './report';

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters other than tab and newline are not allowed in XML 1.0.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function junitXml(report: Report): string {
  const count = (status: string) => report.labs.reduce((n, lab) => n + lab.tests.filter((t) => t.status === status).length, 0);
  const total = report.labs.reduce((n, lab) => n + lab.tests.length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(report.course.name)}" tests="${total}" failures="${count('failed') + count('timeout')}" errors="${count('error')}" timestamp="${report.gradedAt}">`,
  ];
  if (report.integrity.verdict === 'modified') {
    lines.push(`  <!-- Grading files were changed (${escape(report.integrity.changed.join(', '))}): this score is not valid. -->`);
  }
  for (const lab of report.labs) {
    const failures = lab.tests.filter((t) => t.status === 'failed' || t.status === 'timeout').length;
    const errors = lab.tests.filter((t) => t.status === 'error').length;
    lines.push(`  <testsuite name="${escape(lab.id)}" tests="${lab.tests.length}" failures="${failures}" errors="${errors}" skipped="0">`);
    lines.push('    <properties>');
    lines.push(`      <property name="score" value="${lab.score}"/>`);
    lines.push(`      <property name="max" value="${lab.max}"/>`);
    lines.push(`      <property name="integrity" value="${report.integrity.verdict}"/>`);
    lines.push(`      <property name="valid" value="${lab.valid}"/>`);
    if (lab.invalid) lines.push(`      <property name="invalid" value="${escape(lab.invalid)}"/>`);
    lines.push('    </properties>');
    for (const test of lab.tests) {
      lines.push(`    <testcase classname="${escape(lab.id)}" name="${escape(test.name)}">`);
      lines.push(`      <properties><property name="points" value="${test.points}"/><property name="max" value="${test.max}"/></properties>`);
      const message = escape(test.message ?? '');
      if (test.status === 'failed') lines.push(`      <failure type="failed" message="${message}">${message}</failure>`);
      if (test.status === 'timeout') lines.push(`      <failure type="timeout" message="${message}">${message}</failure>`);
      if (test.status === 'error') lines.push(`      <error type="error" message="${message}">${message}</error>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
