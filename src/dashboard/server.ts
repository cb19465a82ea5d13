/**
 * The classroom dashboard's HTTP server (Fastify): students' grade reports in, the instructor's live
 * view and gradebook out.
 *
 *   POST /api/submissions   a student's reports (join code; body validated, size-limited, rate-limited)
 *   GET  /                  the dashboard (instructor's secret; otherwise 401 and a sign-in form)
 *   POST /login             the sign-in form: sets an HttpOnly, SameSite=Strict cookie
 *   GET  /events            the room, live, as server-sent events (instructor)
 *   GET  /gradebook.csv     the gradebook (instructor: `Authorization: Bearer <secret>` or the cookie)
 *   GET  /api/health        200 when the server is up (for scripts)
 *
 * Trust: nothing is stored unless the join code is right; a name belongs to the first laptop key that
 * used it; every body is checked against the schemas in protocol.ts; names reach the page escaped
 * (html.ts); and a report is acknowledged only once it is committed to disk (store.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { gradebookCsv } from './gradebook';
import { dashboardPage, roomSection, signInPage, summaryLine } from './page';
import { MAX_BODY_BYTES, SUBMIT_PATH, nameKey, submissionSchema, type Accepted } from './protocol';
import { Room, type RoomLab } from './room';
import { NameTakenError, type Store } from './store';

export interface DashboardOptions {
  store: Store;
  labs: RoomLab[];
  /** The course's package name: reports from another course are refused. */
  course: string;
  joinCode: string;
  secret: string;
  /** The command students run, shown on the dashboard (with the address they can reach). */
  joinCommand: string;
  /** Submissions one student may make per minute. @default 12 */
  submissionsPerMinute?: number;
  /** Submissions with a wrong join code one address may make per minute. @default 10 */
  wrongCodesPerMinute?: number;
  /** How often, at most, the live view is pushed to the instructor's page. @default 1000 */
  pushIntervalMs?: number;
  /** Called after each stored submission (the CLI prints a line). */
  onSubmission?: (name: string, accepted: Accepted, labs: string[]) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

const COOKIE = 'qc_instructor';
const PUBLIC_DIR = join(import.meta.dirname, 'public');

/** The security headers of every response: no framing, no sniffing, scripts and styles only from here. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** Join codes are read as people type them: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Compares two secrets in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A refusal with an HTTP status and one sentence for the student or instructor. */
class Refusal extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function createDashboard(options: DashboardOptions): Promise<FastifyInstance> {
  const { store, labs, joinCode, secret } = options;
  const now = options.now ?? (() => new Date());
  const session = createHmac('sha256', secret).update('queues-and-caches dashboard session').digest('base64url');
  const room = new Room(labs);
  for (const stored of store.reports()) room.add(stored.name, stored.report, stored.receivedAt);

  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, trustProxy: false });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 4096 });
  await app.register(fastifyRateLimit, { global: false });
  // JSON for submissions, a form for signing in, and nothing else.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    let message = error.message;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `the submission is larger than ${MAX_BODY_BYTES} bytes; nothing was stored`;
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'send the submission as application/json; nothing was stored';
    else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      message = 'the submission is not valid JSON; nothing was stored';
    } else if (status === 500) message = 'the dashboard could not store this submission (an internal error); it is kept on your laptop, try again';
    void reply.code(status).type('application/json').send({ error: message });
  });

  const isInstructor = (request: FastifyRequest): boolean => {
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) return sameSecret(auth.slice('Bearer '.length).trim(), secret);
    const cookie = request.cookies[COOKIE];
    return cookie !== undefined && sameSecret(cookie, session);
  };
  const requireInstructor = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (isInstructor(request)) return true;
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    void reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="classroom dashboard"')
      .type(wantsHtml ? 'text/html; charset=utf-8' : 'application/json')
      .send(wantsHtml ? signInPage() : { error: 'this needs the instructor secret: Authorization: Bearer <secret>' });
    return false;
  };

  // The live view: rendered at most once per interval however many reports arrive, and sent to every open page.
  const clients = new Set<ServerResponse>();
  let dirty = false;
  const renderEvent = (): string => {
    const view = room.view();
    return `event: room\ndata: ${JSON.stringify({ html: roomSection(view).value, summary: summaryLine(view), at: now().toISOString() })}\n\n`;
  };
  const push = setInterval(() => {
    if (!dirty || !clients.size) return;
    dirty = false;
    const event = renderEvent();
    for (const client of clients) client.write(event);
  }, options.pushIntervalMs ?? 1000);
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 25_000);
  app.addHook('onClose', async () => {
    clearInterval(push);
    clearInterval(heartbeat);
    for (const client of clients) client.end();
  });

  app.get('/api/health', async () => ({ ok: true, reports: room.view(0).reports }));

  app.get('/dashboard.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(readFileSync(join(PUBLIC_DIR, 'dashboard.js'))));
  app.get('/dashboard.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(readFileSync(join(PUBLIC_DIR, 'dashboard.css'))));

  app.get('/', async (request, reply) => {
    if (!requireInstructor(request, reply)) return reply;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(dashboardPage(room.view(), { joinCommand: options.joinCommand, now: now() }));
  });

  app.post(
    '/login',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute', errorResponseBuilder: () => new Refusal(429, 'too many sign-in attempts: wait a minute') } } },
    async (request, reply) => {
      const parsed = z.object({ secret: z.string().max(200) }).safeParse(request.body);
      if (!parsed.success || !sameSecret(parsed.data.secret, secret)) {
        return reply.code(401).type('text/html; charset=utf-8').send(signInPage('That is not this room’s secret. Copy it from the terminal where the dashboard started.'));
      }
      void reply.setCookie(COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect('/', 303);
    },
  );

  app.get('/events', (request, reply) => {
    if (!requireInstructor(request, reply)) return reply;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 2000\n\n${renderEvent()}`);
    clients.add(res);
    request.raw.on('close', () => clients.delete(res));
    return reply;
  });

  app.get('/gradebook.csv', async (request, reply) => {
    if (!requireInstructor(request, reply)) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gradebook.csv"')
      .header('cache-control', 'no-store')
      .send(gradebookCsv(room.view()));
  });

  const rightCode = (body: unknown): boolean => {
    const code = (body as { code?: unknown } | null)?.code;
    return typeof code === 'string' && sameSecret(normalizeCode(code), normalizeCode(joinCode));
  };

  app.post(
    SUBMIT_PATH,
    {
      bodyLimit: MAX_BODY_BYTES,
      config: {
        rateLimit: {
          // After the body is read: a student is limited by name, and wrong join codes by address.
          hook: 'preHandler',
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => {
            const name = (request.body as { name?: unknown } | null)?.name;
            return rightCode(request.body) && typeof name === 'string' ? `student:${nameKey(name)}` : `address:${request.ip}`;
          },
          max: (_request: FastifyRequest, key: string) =>
            key.startsWith('student:') ? (options.submissionsPerMinute ?? 12) : (options.wrongCodesPerMinute ?? 10),
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
            new Refusal(429, `too many submissions in a minute; nothing was stored. Your report is kept on your laptop and sent with your next submission (wait ${context.after}).`),
        },
      },
    },
    async (request, reply) => {
      if (!rightCode(request.body)) {
        throw new Refusal(403, 'that join code is not this room’s: check the code your instructor shows, then submit again. Nothing was stored.');
      }
      const parsed = submissionSchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        throw new Refusal(400, `the submission is not valid (${where}${issue.message}); nothing was stored`);
      }
      const submission = parsed.data;
      const foreign = submission.reports.find((r) => r.report.course.name !== options.course);
      if (foreign) {
        throw new Refusal(422, `this is a report from "${foreign.report.course.name}", not "${options.course}": nothing was stored`);
      }
      const receivedAt = now().toISOString();
      let result;
      try {
        result = store.submit(submission.name, submission.key, submission.reports, receivedAt);
      } catch (error) {
        if (error instanceof NameTakenError) {
          throw new Refusal(409, `the name "${submission.name}" is already used by another laptop in this room: choose another --name (add your surname, say). Nothing was stored.`);
        }
        throw error;
      }
      // Committed: now the room may show it and the student may be told.
      for (const queued of result.stored) room.add(result.name, queued.report, receivedAt);
      if (result.stored.length) dirty = true;
      const accepted: Accepted = { student: result.name, stored: result.stored.length, duplicates: result.duplicates };
      options.onSubmission?.(result.name, accepted, [...new Set(result.stored.flatMap((q) => q.report.labs.map((l) => l.id)))]);
      return reply.send(accepted);
    },
  );

  return app;
}
