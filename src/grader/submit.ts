/**
 * `npm run grade -- [ids] --submit <address> --code <join code> --name <name>`: sends the grade report
 * (the same object `--json` prints — points, test names, statuses and messages, never the student's
 * code) to the instructor's classroom dashboard (src/dashboard/).
 *
 * Every report goes into an outbox on the student's laptop first (.qc/outbox/, one file each), and
 * leaves it only once the dashboard has answered that it is stored. So when the room's network fails,
 * the report waits, and the next successful --submit sends it too, oldest first; a report sent twice
 * (the answer was lost) is stored once. The laptop's key (.qc/key, made on the first submit) proves
 * to the dashboard that later reports under the same name come from the same laptop.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import pc from 'picocolors';
import {
  MAX_BODY_BYTES,
  MAX_REPORTS_PER_SUBMISSION,
  SUBMIT_PATH,
  acceptedSchema,
  queuedReportSchema,
  refusalSchema,
  studentNameSchema,
  type QueuedReport,
} from '../dashboard/protocol';
import type { Report } from './report';

/** The flags this module adds to `npm run grade`. */
export const submitFlags = {
  submit: { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
} as const;

export const submitUsage = `  --submit <address> --code <join code> --name <your name>
                    also send the report (never your code) to the classroom dashboard`;

/** What is wrong with the submit flags, if anything. */
export function submitFlagsProblem(values: { submit?: string; code?: string; name?: string; watch?: boolean }): string | undefined {
  const given = values.submit !== undefined || values.code !== undefined || values.name !== undefined;
  if (!given) return undefined;
  if (values.watch) return '--submit sends one report; use it without --watch';
  if (!values.submit?.trim()) return '--submit needs the dashboard\'s address, e.g. --submit http://192.168.1.20:4800';
  if (!values.code?.trim()) return '--submit needs the join code your instructor shows: --code <join code>';
  if (values.name === undefined) return '--submit needs your name as the room will see it: --name "Your name"';
  const name = studentNameSchema.safeParse(values.name);
  if (!name.success) return `--name: ${name.error.issues[0]!.message}`;
  try {
    dashboardUrl(values.submit);
  } catch {
    return `--submit: "${values.submit}" is not an address like http://192.168.1.20:4800`;
  }
  return undefined;
}

/** The dashboard's submission URL from what a student types ("192.168.1.20:4800" works too). */
export function dashboardUrl(address: string): URL {
  const withScheme = /^[a-z]+:\/\//i.test(address.trim()) ? address.trim() : `http://${address.trim()}`;
  const url = new URL(SUBMIT_PATH, withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http');
  return url;
}

/** Where a laptop keeps its key and its outbox: .qc/ in the course folder (QC_CLASSROOM_DIR elsewhere, for tests). */
export function classroomDir(root: string): string {
  return process.env.QC_CLASSROOM_DIR ?? join(root, '.qc');
}

/** This laptop's key: made once, with 256 random bits, and kept. */
export function laptopKey(root: string): string {
  const file = join(classroomDir(root), 'key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(key)) return key;
  }
  mkdirSync(classroomDir(root), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** The outbox: one JSON file per report, named so that the oldest sorts first. */
export class Outbox {
  readonly dir: string;
  readonly rejectedDir: string;
  constructor(root: string) {
    this.dir = join(classroomDir(root), 'outbox');
    this.rejectedDir = join(classroomDir(root), 'rejected');
  }

  /** Puts a report in the outbox (written whole, then renamed into place, so a crash leaves no half file). */
  add(report: Report, now = Date.now()): QueuedReport {
    mkdirSync(this.dir, { recursive: true });
    const queued: QueuedReport = { id: randomUUID(), report };
    const name = `${String(now).padStart(15, '0')}-${queued.id}.json`;
    const temporary = join(this.dir, `.${name}.tmp`);
    writeFileSync(temporary, JSON.stringify(queued));
    renameSync(temporary, join(this.dir, name));
    return queued;
  }

  /** The reports waiting, oldest first; a file that is not a report is moved aside. */
  pending(): { file: string; queued: QueuedReport; bytes: number }[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap((name) => {
        const file = join(this.dir, name);
        const text = readFileSync(file, 'utf8');
        try {
          return [{ file, queued: queuedReportSchema.parse(JSON.parse(text)), bytes: Buffer.byteLength(text) }];
        } catch {
          this.setAside([file]);
          return [];
        }
      });
  }

  remove(files: string[]): void {
    for (const file of files) rmSync(file, { force: true });
  }

  /** Moves reports the dashboard will never take to .qc/rejected/, where they can still be read. */
  setAside(files: string[]): void {
    mkdirSync(this.rejectedDir, { recursive: true });
    for (const file of files) renameSync(file, join(this.rejectedDir, basename(file)));
  }
}

export interface SubmitOutcome {
  /** sent: everything in the outbox reached the dashboard; kept: some of it waits for the next submit; refused: the dashboard said no. */
  status: 'sent' | 'kept' | 'refused';
  message: string;
  sent: number;
  pending: number;
}

export interface SubmitRequest {
  root: string;
  address: string;
  code: string;
  name: string;
  report: Report;
  /** For tests. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Packs the waiting reports into requests the dashboard accepts: at most 10 each, under its size limit. */
export function batches<T extends { bytes: number }>(pending: T[], maxBytes = MAX_BODY_BYTES - 4096, maxCount = MAX_REPORTS_PER_SUBMISSION): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of pending) {
    if (current.length && (current.length >= maxCount || size + item.bytes > maxBytes)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length) out.push(current);
  return out;
}

/** Queues the report, then sends everything waiting, oldest first, until done or the dashboard cannot take more. */
export async function submit(request: SubmitRequest): Promise<SubmitOutcome> {
  const send = request.fetch ?? fetch;
  const url = dashboardUrl(request.address);
  const outbox = new Outbox(request.root);
  outbox.add(request.report);
  const key = laptopKey(request.root);
  const waiting = outbox.pending();
  let sent = 0;
  let setAside = 0;
  const left = () => waiting.length - sent - setAside;
  const kept = (why: string): SubmitOutcome => ({
    status: 'kept',
    message: `${why} Your report is kept on this laptop (${left()} waiting) and will be sent with your next --submit.`,
    sent,
    pending: left(),
  });

  for (const batch of batches(waiting)) {
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: request.code, name: request.name, key, reports: batch.map((b) => b.queued) }),
        signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      return kept(`Could not reach the classroom dashboard at ${url.origin} (${cause}).`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && acceptedSchema.safeParse(body).success) {
      outbox.remove(batch.map((b) => b.file));
      sent += batch.length;
      continue;
    }
    const said = refusalSchema.safeParse(body).success ? (body as { error: string }).error.replace(/\.$/, '') : `HTTP ${response.status}`;
    if (response.status === 400 || response.status === 413 || response.status === 422) {
      // The dashboard will never take these: keep them aside rather than block every later report.
      outbox.setAside(batch.map((b) => b.file));
      setAside += batch.length;
      return { status: 'refused', message: `The dashboard refused ${batch.length} report(s): ${said}. They are kept in .qc/rejected/.`, sent, pending: left() };
    }
    if (response.status === 403 || response.status === 409) {
      return { status: 'refused', message: `The dashboard refused the submission: ${said}. Your report is kept on this laptop (${left()} waiting) and will be sent with your next --submit.`, sent, pending: left() };
    }
    return kept(`The dashboard did not store the report (${said}).`);
  }
  const earlier = sent - 1;
  return {
    status: 'sent',
    message: `Submitted to ${url.origin} as ${request.name}${earlier > 0 ? `, with ${earlier} report(s) kept from before` : ''}: your instructor's dashboard shows it now.`,
    sent,
    pending: 0,
  };
}

/** For the CLI: submits, prints one line on stderr, and returns the exit code (0 when everything was sent). */
export async function submitAndSay(request: SubmitRequest): Promise<number> {
  const outcome = await submit(request);
  const mark = outcome.status === 'sent' ? pc.green('✓') : outcome.status === 'kept' ? pc.yellow('…') : pc.red('✗');
  process.stderr.write(`${mark} ${outcome.message}\n`);
  return outcome.status === 'sent' ? 0 : 1;
}
