/**
 * npm run classroom -- [--port N] [--data DIR] [--code JOIN] [--secret SECRET] [--host ADDRESS]
 * Starts the classroom dashboard for a live workshop: students submit their grade reports to it, the
 * instructor watches the room on its page and exports the gradebook. See docs/workshop.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { CatalogError, loadLabs } from '../labs/catalog';
import { LABS_DIR } from '../labs/layout';
import { generateJoinCode, generateSecret, lanAddresses } from './codes';
import { createDashboard } from './server';
import { Store } from './store';

const usage = `Usage: npm run classroom -- [--port N] [--data DIR] [--code JOIN] [--secret SECRET] [--host ADDRESS]

Starts the classroom dashboard. Students submit with
  npm run grade -- --submit <address> --code <join code> --name "Their name"
  --port N          the port to listen on (default 4800)
  --data DIR        where the room is kept (default .classroom-data); start again with the same
                    folder and the room, its join code and its secret come back
  --code JOIN       the join code students need (default: generated, then kept in DIR)
  --secret SECRET   the instructor's secret for the page and the CSV (default: generated, kept in DIR)
  --host ADDRESS    the address to listen on (default 0.0.0.0: every network; 127.0.0.1: this machine only)
  --help            show this help`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string): never {
  process.stderr.write(`${pc.red('classroom:')} ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string', default: '4800' },
        host: { type: 'string', default: '0.0.0.0' },
        data: { type: 'string', default: '.classroom-data' },
        code: { type: 'string' },
        secret: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
  if (values.code !== undefined && !/^[A-Za-z0-9-]{4,64}$/.test(values.code)) fail('--code must be 4 to 64 letters, digits or dashes');
  if (values.secret !== undefined && values.secret.length < 12) fail('--secret must be at least 12 characters (anyone who guesses it sees every student)');

  let labs;
  try {
    labs = loadLabs(join(root, LABS_DIR));
  } catch (error) {
    if (error instanceof CatalogError) fail(`the course's lab metadata is broken:\n${error.message}`);
    throw error;
  }
  const course = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name;
  const dataDir = resolve(values.data);
  const store = new Store(dataDir);
  const joinCode = store.setting('join_code', values.code, generateJoinCode);
  const secret = store.setting('secret', values.secret, generateSecret);

  const lan = values.host === '0.0.0.0' ? lanAddresses() : [];
  const shown = (p: number) => [...lan, values.host === '0.0.0.0' ? '127.0.0.1' : values.host].map((host) => `http://${host}:${p}`);
  const time = () => new Date().toLocaleTimeString('en-GB', { hour12: false });
  let studentAddress = '';
  const app = await createDashboard({
    store,
    labs,
    course,
    joinCode,
    secret,
    get joinCommand() {
      return `npm run grade -- --submit ${studentAddress} --code ${joinCode} --name "Your name"`;
    },
    onSubmission: (name, accepted, labIds) => {
      if (accepted.stored) process.stdout.write(`${pc.dim(time())} ${name}: ${accepted.stored} report(s)${labIds.length ? ` (${labIds.join(', ')})` : ''}\n`);
    },
  });
  try {
    await app.listen({ port, host: values.host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use: start with another, e.g. --port ${port + 1}`);
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const addresses = shown(actualPort);
  studentAddress = addresses[0]!;

  process.stdout.write(
    [
      `${pc.bold('Classroom dashboard')} for ${course} — ${labs.length} labs, ${store.count()} reports so far, kept in ${dataDir}`,
      ...(store.unreadable ? [pc.yellow(`  ${store.unreadable} stored report(s) came from an older grader's report format: kept in the database, not shown.`)] : []),
      '',
      `  Instructor page:    ${addresses.map((a) => `${a}/`).join('  ')}`,
      `  Instructor secret:  ${secret}`,
      `  Join code:          ${joinCode}`,
      '',
      'Students submit with:',
      `  npm run grade -- --submit ${studentAddress} --code ${joinCode} --name "Their name"`,
      ...(lan.length > 1 ? [`  (this machine has several addresses: ${lan.join(', ')}; give students the one on the room's network)`] : []),
      ...(lan.length === 0 && values.host === '0.0.0.0' ? ['  (no network found: only this machine can reach the dashboard)'] : []),
      '',
      `Gradebook: curl -H "Authorization: Bearer ${secret}" ${addresses[addresses.length - 1]}/gradebook.csv -o gradebook.csv`,
      `Stop with Ctrl+C. The room stays in ${dataDir}: start again with the same --data to carry on.`,
      '',
    ].join('\n'),
  );

  const stop = async () => {
    await app.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => fail(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
