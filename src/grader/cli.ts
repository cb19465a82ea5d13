/**
 * npm run grade [<lab-id>...] [--json]
 * Grades the student's files in labs/ and prints a report (or, with --json, one JSON object on stdout).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { CatalogError, loadLabs } from '../labs/catalog';
import { formatReport } from './format';
import { gradeLabs } from './grade';
import { buildReport } from './report';

const usage = `Usage: npm run grade [<lab-id>...] [-- --json]

Grades your files in labs/<id>/<id>.ts and prints, per lab, your points, each test, and a hint.
  <lab-id>   grade only these labs (default: all of them)
  --json     print one JSON report on stdout instead (see docs/grader.md)
  --help     show this help`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string, code = 2): never {
  process.stderr.write(`${pc.red('grade:')} ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        'labs-dir': { type: 'string' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const labsDir = resolve(values['labs-dir'] ?? join(root, 'labs'));
  let labs;
  try {
    labs = loadLabs(labsDir);
  } catch (error) {
    if (error instanceof CatalogError) fail(`the course's lab metadata is broken:\n${error.message}`, 1);
    throw error;
  }
  const known = new Set(labs.map((lab) => lab.id));
  const unknown = positionals.filter((id) => !known.has(id));
  if (unknown.length) {
    fail(`no lab named ${unknown.map((id) => `"${id}"`).join(', ')}. The labs are: ${[...known].join(', ')}`);
  }
  const chosen = positionals.length ? labs.filter((lab) => positionals.includes(lab.id)) : labs;
  if (!values.json) process.stderr.write(pc.dim(`Grading ${chosen.map((lab) => lab.id).join(', ')}…\n`));
  const graded = await gradeLabs(chosen, { root, labsDir });
  if (values.json) process.stdout.write(`${JSON.stringify(buildReport(graded), null, 2)}\n`);
  else process.stdout.write(`\n${formatReport(graded)}`);
}

main().catch((error: unknown) => {
  fail(`internal error, please report it: ${error instanceof Error ? error.message : String(error)}`, 1);
});
