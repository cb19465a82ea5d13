/**
 * The dashboard's storage: one SQLite file in the data folder (better-sqlite3, embedded, so the
 * instructor installs nothing else). Every report a student submits is kept, whole, as it arrived; the
 * room the instructor sees is folded from them (room.ts), at start and as they come.
 *
 * Durability: the database runs in WAL mode with synchronous=FULL, and the server answers a student
 * only after the transaction holding their reports has committed — so a report acknowledged to a
 * student has been fsynced and survives `kill -9`, a crash or a power cut (tests/dashboard/durability.test.ts).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { reportSchema, type Report } from '../grader/report';
import { nameKey, type QueuedReport } from './protocol';

export const DATABASE_FILE = 'classroom.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS students (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  key_sha256 TEXT NOT NULL,
  joined_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id),
  report_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  graded_at TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (student_id, report_id)
) STRICT;
`;

/** Why a submission was refused by the store. */
export class NameTakenError extends Error {
  override name = 'NameTakenError';
}

export interface StoredReport {
  name: string;
  receivedAt: string;
  report: Report;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export class Store {
  readonly db: Database.Database;
  readonly path: string;
  readonly #insertStudent: Database.Statement<[string, string, string, string]>;
  readonly #findStudent: Database.Statement<[string], { id: number; name: string; key_sha256: string }>;
  readonly #insertReport: Database.Statement<[number, string, string, string, string]>;
  readonly #getSetting: Database.Statement<[string], { value: string }>;
  readonly #putSetting: Database.Statement<[string, string]>;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, DATABASE_FILE);
    const fresh = !existsSync(this.path);
    this.db = new Database(this.path);
    // The join code and the instructor's secret live here too: only the instructor may read the file.
    if (fresh) chmodSync(this.path, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.#insertStudent = this.db.prepare('INSERT INTO students (name, name_key, key_sha256, joined_at) VALUES (?, ?, ?, ?)');
    this.#findStudent = this.db.prepare('SELECT id, name, key_sha256 FROM students WHERE name_key = ?');
    this.#insertReport = this.db.prepare(
      'INSERT INTO reports (student_id, report_id, received_at, graded_at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (student_id, report_id) DO NOTHING',
    );
    this.#getSetting = this.db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#putSetting = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  /** A setting kept with the room (the join code, the secret), or `fallback()` stored as it the first time. */
  setting(key: string, given: string | undefined, fallback: () => string): string {
    if (given !== undefined) {
      this.#putSetting.run(key, given);
      return given;
    }
    const stored = this.#getSetting.get(key)?.value;
    if (stored !== undefined) return stored;
    const value = fallback();
    this.#putSetting.run(key, value);
    return value;
  }

  /**
   * Stores a student's reports in one transaction and returns how many were new. The first laptop key
   * to use a name owns it; another key gets NameTakenError and nothing is stored. A report already
   * stored (the same id from the same student, resent after a lost answer) is not stored twice.
   */
  readonly submit = (name: string, key: string, reports: QueuedReport[], receivedAt: string): { stored: QueuedReport[]; duplicates: number; name: string } => {
    const run = this.db.transaction(() => {
      const keyHash = sha256(key);
      let student = this.#findStudent.get(nameKey(name));
      if (!student) {
        const id = Number(this.#insertStudent.run(name, nameKey(name), keyHash, receivedAt).lastInsertRowid);
        student = { id, name, key_sha256: keyHash };
      } else if (student.key_sha256 !== keyHash) {
        throw new NameTakenError(name);
      }
      const stored: QueuedReport[] = [];
      for (const queued of reports) {
        const result = this.#insertReport.run(student.id, queued.id, receivedAt, queued.report.gradedAt, JSON.stringify(queued.report));
        if (result.changes) stored.push(queued);
      }
      return { stored, duplicates: reports.length - stored.length, name: student.name };
    });
    return run.immediate();
  };

  /**
   * Reports on disk that the current report schema no longer reads (sent by an older grader into a room
   * kept from before an upgrade): they stay in the database, untouched, but are not shown.
   */
  unreadable = 0;

  /** Every stored report, oldest first by when it was graded, with its student's name. */
  *reports(): Generator<StoredReport> {
    const rows = this.db
      .prepare<[], { name: string; received_at: string; body: string }>(
        'SELECT s.name, r.received_at, r.body FROM reports r JOIN students s ON s.id = r.student_id ORDER BY r.graded_at, r.id',
      )
      .iterate();
    this.unreadable = 0;
    for (const row of rows) {
      const report = reportSchema.safeParse(JSON.parse(row.body));
      if (report.success) yield { name: row.name, receivedAt: row.received_at, report: report.data };
      else this.unreadable++;
    }
  }

  /** How many reports are stored. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
