/**
 * The gradebook as CSV (RFC 4180): one row per student with their latest points in each lab, in course
 * order (empty where they sent no report for it, `invalid` where their latest result for it is not
 * valid — it counts no points), then the total, the maximum, when their last report arrived, its
 * integrity verdict, whether it was valid, how many of their reports were not valid and how many they sent. Names are the students' own text, so a name a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
 */
import type { RoomView } from './room';

function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradebookCsv(view: RoomView): string {
  const header = ['name', ...view.labs.map((lab) => lab.id), 'total', 'max', 'last_report', 'integrity', 'valid', 'invalid_reports', 'reports'];
  const rows = view.students.map((s) => [s.name, ...s.cells.map((c) => (c.state === 'none' ? '' : c.state === 'invalid' ? 'invalid' : c.score)), s.score, s.max, s.lastSeen, s.integrity, s.valid ? 'yes' : 'no', s.invalidReports, s.reports]);
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
