/**
 * The room as the instructor sees it, folded from the grade reports students submitted: each student's
 * latest result per lab, each lab's progress across the room, and the tests most of the room still
 * fails — what to explain next. A result the grader could not vouch for (report v2's `valid`: the
 * grading files were changed, or the lab's code tried a shortcut) is shown as invalid and counts no
 * points, whatever points the report carries; it never feeds "what the room fails most". Pure: the server feeds it reports (from its database at start, then
 * as they arrive) and renders its view; the tests feed it reports directly.
 */
import type { Report } from '../grader/report';
import { nameKey } from './protocol';

/** What the room needs to know about a lab: from labs/labs.json and its lab.json. */
export interface RoomLab {
  id: string;
  title: string;
  /** The lesson's path under content/, e.g. "module-16/littles-law". */
  lesson: string;
  tests: { name: string; points: number; hints: { question: string; idea: string; section: string } }[];
}

export type TestStatus = Report['labs'][number]['tests'][number]['status'];

interface LabResult {
  score: number;
  max: number;
  gradedAt: string;
  diagnosis?: string;
  /** Why this result cannot be trusted, when it cannot (see {@link invalidReason}). */
  invalid?: string;
  /** Test name → its status, and whether the student has started it (not still "not implemented"). */
  tests: Map<string, { status: TestStatus; started: boolean }>;
}

interface Student {
  name: string;
  lastSeen: string;
  /** The integrity verdict of the student's latest report. */
  integrity: Report['integrity']['verdict'];
  /** Whether the student's latest report was valid. */
  valid: boolean;
  reports: number;
  /** How many of the student's reports were not valid (kept, so one later valid report does not hide them). */
  invalidReports: number;
  labs: Map<string, LabResult>;
}

/** How far a student is with one lab. */
export type CellState = 'none' | 'invalid' | 'not-started' | 'cannot-grade' | 'partial' | 'done';

export interface Cell {
  lab: string;
  state: CellState;
  score: number;
  max: number;
  /** The diagnosis, when the lab could not be graded. */
  diagnosis?: string;
  /** Why the result is not valid, when it is not (its score is then 0). */
  invalid?: string;
}

export interface StudentRow {
  name: string;
  lastSeen: string;
  integrity: Report['integrity']['verdict'];
  /** Whether the latest report was valid. */
  valid: boolean;
  reports: number;
  invalidReports: number;
  score: number;
  max: number;
  cells: Cell[];
}

export interface LabSummary {
  id: string;
  title: string;
  lesson: string;
  max: number;
  /** Students who have submitted this lab at least once. */
  submitted: number;
  /** … of whom have passed at least one test. */
  started: number;
  /** … of whom have full marks. */
  finished: number;
  /** … whose file cannot be graded (syntax, types, a missing export, a crash on load). */
  cannotGrade: number;
  /** … whose latest result is not valid (changed grading files, a shortcut). */
  invalid: number;
}

export interface Struggle {
  lab: string;
  test: string;
  /** Students who started the lab and fail this test. */
  failing: number;
  /** Students who submitted the lab and can be graded. */
  of: number;
  question?: string;
  idea?: string;
  /** The lesson section that explains it: "<lesson>#<anchor>". */
  section?: string;
}

export interface RoomView {
  students: StudentRow[];
  labs: LabSummary[];
  /** The tests the most students fail, most first (at most `limit`). */
  struggles: Struggle[];
  reports: number;
}

/** A test that still throws "not implemented" has not been started; the grader says so in its message. */
export function notStarted(message: string | undefined): boolean {
  return !!message && /^not started yet|not implemented/.test(message);
}

/**
 * Why one lab's result in a report cannot be trusted, or undefined when it can. The report's own
 * verdicts decide, read defensively: the lab was marked invalid (its code tried a shortcut), or the
 * grading files were changed (every lab of that run is then suspect), or the report as a whole says
 * it is not valid for a reason no lab carries.
 */
export function invalidReason(report: Report, lab: Report['labs'][number]): string | undefined {
  if (!lab.valid) return lab.invalid ?? 'the grader marked this lab not valid';
  if (report.integrity.verdict === 'modified') return `the grading files were changed (${report.integrity.changed.join(', ') || 'unnamed'})`;
  if (!report.valid && report.labs.every((l) => l.valid)) return report.invalid.join('; ') || 'the grader marked this run not valid';
  return undefined;
}

/** Whether a whole report can be trusted: every lab in it is (and the report says so). */
export function reportValid(report: Report): boolean {
  return report.valid && report.labs.every((lab) => !invalidReason(report, lab));
}

export class Room {
  readonly #labs: RoomLab[];
  readonly #students = new Map<string, Student>();
  #reports = 0;

  constructor(labs: RoomLab[]) {
    this.#labs = labs;
  }

  /**
   * Folds one report into the room. A lab's result is replaced only by a report graded at the same time
   * or later, so a report that waited on a laptop while the network was down does not hide a newer one.
   */
  add(name: string, report: Report, receivedAt: string): void {
    const key = nameKey(name);
    let student = this.#students.get(key);
    if (!student) {
      student = { name, lastSeen: receivedAt, integrity: report.integrity.verdict, valid: true, reports: 0, invalidReports: 0, labs: new Map() };
      this.#students.set(key, student);
    }
    const valid = reportValid(report);
    student.reports++;
    if (!valid) student.invalidReports++;
    this.#reports++;
    if (receivedAt >= student.lastSeen) {
      student.lastSeen = receivedAt;
      student.integrity = report.integrity.verdict;
      student.valid = valid;
    }
    for (const lab of report.labs) {
      const current = student.labs.get(lab.id);
      if (current && current.gradedAt > report.gradedAt) continue;
      const invalid = invalidReason(report, lab);
      student.labs.set(lab.id, {
        score: invalid ? 0 : lab.score,
        max: lab.max,
        gradedAt: report.gradedAt,
        ...(invalid ? { invalid } : lab.diagnosis ? { diagnosis: lab.diagnosis } : {}),
        tests: new Map(lab.tests.map((t) => [t.name, { status: t.status, started: t.status === 'passed' || !notStarted(t.message) }])),
      });
    }
  }

  /** The room now: students by name, labs in course order, and the tests the room fails most. */
  view(limit = 10): RoomView {
    const students = [...this.#students.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name));
    const rows = students.map((student): StudentRow => {
      const cells = this.#labs.map((lab): Cell => {
        const result = student.labs.get(lab.id);
        const max = result?.max ?? lab.tests.reduce((sum, t) => sum + t.points, 0);
        if (!result) return { lab: lab.id, state: 'none', score: 0, max };
        if (result.invalid) return { lab: lab.id, state: 'invalid', score: 0, max, invalid: result.invalid };
        if (result.diagnosis) return { lab: lab.id, state: 'cannot-grade', score: 0, max, diagnosis: result.diagnosis };
        const anyStarted = [...result.tests.values()].some((t) => t.started);
        const state: CellState = result.score >= result.max && result.max > 0 ? 'done' : anyStarted ? 'partial' : 'not-started';
        return { lab: lab.id, state, score: result.score, max };
      });
      return {
        name: student.name,
        lastSeen: student.lastSeen,
        integrity: student.integrity,
        valid: student.valid,
        reports: student.reports,
        invalidReports: student.invalidReports,
        score: cells.reduce((sum, c) => sum + c.score, 0),
        max: cells.reduce((sum, c) => sum + c.max, 0),
        cells,
      };
    });

    const labs = this.#labs.map((lab, index): LabSummary => {
      const cells = rows.map((row) => row.cells[index]!).filter((c) => c.state !== 'none');
      return {
        id: lab.id,
        title: lab.title,
        lesson: lab.lesson,
        max: lab.tests.reduce((sum, t) => sum + t.points, 0),
        submitted: cells.length,
        started: cells.filter((c) => c.score > 0).length,
        finished: cells.filter((c) => c.state === 'done').length,
        cannotGrade: cells.filter((c) => c.state === 'cannot-grade').length,
        invalid: cells.filter((c) => c.state === 'invalid').length,
      };
    });

    const struggles: Struggle[] = [];
    for (const lab of this.#labs) {
      // Results that cannot be graded or cannot be trusted say nothing about which test is hard.
      const results = students.map((s) => s.labs.get(lab.id)).filter((r): r is LabResult => !!r && !r.diagnosis && !r.invalid);
      // A student who has not started the lab fails every test: that says nothing about what to explain.
      const working = results.filter((r) => [...r.tests.values()].some((t) => t.started));
      for (const test of lab.tests) {
        const failing = working.filter((r) => {
          const outcome = r.tests.get(test.name);
          return !!outcome && outcome.status !== 'passed' && outcome.started;
        }).length;
        if (!failing) continue;
        struggles.push({
          lab: lab.id,
          test: test.name,
          failing,
          of: results.length,
          question: test.hints.question,
          idea: test.hints.idea,
          section: `${lab.lesson}#${test.hints.section}`,
        });
      }
    }
    struggles.sort((a, b) => b.failing - a.failing || b.failing / b.of - a.failing / a.of);
    return { students: rows, labs, struggles: struggles.slice(0, limit), reports: this.#reports };
  }
}
