/**
 * The room as the instructor sees it, folded from the grade reports students submitted: each student's
 * latest result per lab, each lab's progress across the room, and the tests most of the room still
 * fails — what to explain next. Pure: the server feeds it reports (from its database at start, then
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
  /** Test name → its status, and whether the student has started it (not still "not implemented"). */
  tests: Map<string, { status: TestStatus; started: boolean }>;
}

interface Student {
  name: string;
  lastSeen: string;
  /** The integrity verdict of the student's latest report. */
  integrity: Report['integrity']['verdict'];
  reports: number;
  labs: Map<string, LabResult>;
}

/** How far a student is with one lab. */
export type CellState = 'none' | 'not-started' | 'cannot-grade' | 'partial' | 'done';

export interface Cell {
  lab: string;
  state: CellState;
  score: number;
  max: number;
  /** The diagnosis, when the lab could not be graded. */
  diagnosis?: string;
}

export interface StudentRow {
  name: string;
  lastSeen: string;
  integrity: Report['integrity']['verdict'];
  reports: number;
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
      student = { name, lastSeen: receivedAt, integrity: report.integrity.verdict, reports: 0, labs: new Map() };
      this.#students.set(key, student);
    }
    student.reports++;
    this.#reports++;
    if (receivedAt >= student.lastSeen) {
      student.lastSeen = receivedAt;
      student.integrity = report.integrity.verdict;
    }
    for (const lab of report.labs) {
      const current = student.labs.get(lab.id);
      if (current && current.gradedAt > report.gradedAt) continue;
      student.labs.set(lab.id, {
        score: lab.score,
        max: lab.max,
        gradedAt: report.gradedAt,
        ...(lab.diagnosis ? { diagnosis: lab.diagnosis } : {}),
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
        if (result.diagnosis) return { lab: lab.id, state: 'cannot-grade', score: 0, max, diagnosis: result.diagnosis };
        const anyStarted = [...result.tests.values()].some((t) => t.started);
        const state: CellState = result.score >= result.max && result.max > 0 ? 'done' : anyStarted ? 'partial' : 'not-started';
        return { lab: lab.id, state, score: result.score, max };
      });
      return {
        name: student.name,
        lastSeen: student.lastSeen,
        integrity: student.integrity,
        reports: student.reports,
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
      };
    });

    const struggles: Struggle[] = [];
    for (const lab of this.#labs) {
      const results = students.map((s) => s.labs.get(lab.id)).filter((r): r is LabResult => !!r && !r.diagnosis);
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
