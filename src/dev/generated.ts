/**
 * Maintainer tools that write a generated file (the integrity manifest, the Classroom workflow, the
 * lab.json schema) share this: write the file, or with --check fail when the committed copy differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (src/dev/ is two levels down). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** True when the module at `url` is the script node was started with. */
export const isMain = (url: string): boolean => !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url);

/**
 * Writes `text` to `file` (relative to the root), or, when the command line has --check, compares it
 * with the file on disk (line endings normalised) and sets exit code 1 with `fix` when they differ.
 */
export function writeOrCheck(file: string, text: string, fix: string, what = ''): void {
  const path = join(root, file);
  if (process.argv.includes('--check')) {
    const current = existsSync(path) ? readFileSync(path, 'utf8').replace(/\r\n/g, '\n') : '';
    if (current !== text) {
      process.stderr.write(`${file} is out of date: run \`${fix}\` and commit it.\n`);
      process.exitCode = 1;
    } else process.stdout.write(`${file} is up to date${what}\n`);
    return;
  }
  writeFileSync(path, text);
  process.stdout.write(`wrote ${file}${what}\n`);
}
