/**
 * npm run edition -- <dir> [--site <built student site>] — writes the student edition: a copy of the
 * course with the built site, the labs' starters, tests, lab.json and briefs, the grader, its integrity
 * manifest, a student README and its own package.json and lock file — and no reference solution, no
 * .meta/, no src/models/ source and no instructor page.
 *
 * What goes in is found, not listed: the closure (closure.ts) of the grader (every file in src/grader/
 * and the files the package scripts that run it name), the labs' test files, vitest.config.ts and the
 * edition's static server. The tests import a few course helpers from src/models/common/ (the seeded
 * Rng, the manual clock, the samplers): those are not answers, so they ship — moved to
 * src/labkit/common/, with every import of them rewritten — and anything else the closure reaches in
 * src/models/ or a lab's .meta/ stops the build, naming the file that imports it.
 *
 * The site is built with QC_EDITION=student (astro.config.mjs and src/content.config.ts then leave out
 * the instructor guide: its pages, its sidebar group, its search entries). The edition's dependencies
 * are the packages its files import (with main's version ranges) plus tsx, which runs them; its lock
 * file is the course's own lock pruned by npm to those, so it installs exactly what the course tested.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gradingFiles, MANIFEST_FILE, sha256File } from '../grader/integrity';
import { loadLabs } from '../labs/catalog';
import { COURSE_FILE, LAB_SCHEMA_FILE, LABS_DIR } from '../labs/layout';
import { classroomWorkflow, WORKFLOW_FILE } from '../dev/build-classroom';
import { isMain, root as projectRoot } from '../dev/generated';
import { auditEdition } from './audit';
import { closure, moduleReferences, resolveLocal } from './closure';
import { editionPath, forbidden, RELOCATED, SERVER, SITE_DIR } from './layout';
import { studentReadme } from './readme';

const posix = (path: string): string => path.split(sep).join('/');

export class EditionError extends Error {
  override name = 'EditionError';
}

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  engines?: Record<string, string>;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The package scripts that run the grader (their command names a file in src/grader/), which the edition keeps. */
export function graderScripts(pkg: PackageJson, root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(pkg.scripts).filter(([, command]) => scriptFiles(command, root).some((file) => posix(relative(root, file)).startsWith('src/grader/'))));
}

/** The files a script's command runs (words that name a file in the project). */
function scriptFiles(command: string, root: string): string[] {
  return command
    .split(/\s+/)
    .filter((word) => /\.(m?[jt]s)$/.test(word))
    .map((word) => join(root, word))
    .filter((path) => existsSync(path));
}

/** A relative specifier from `fromFile` to `toFile` written in the style of `original` (with or without .ts). */
function specifierFor(fromFile: string, toFile: string, original: string): string {
  let spec = posix(relative(dirname(fromFile), toFile));
  if (!/\.(m?ts|tsx|json)$/.test(original)) spec = spec.replace(/\.(m?ts|tsx)$/, '').replace(/\/index$/, '');
  return spec.startsWith('.') ? spec : `./${spec}`;
}

/** A file's text with its relative imports pointed at where their targets are in the edition. */
export function rewriteImports(root: string, file: string, text: string, at = editionPath(posix(relative(root, file))), place: (rel: string) => string = editionPath): string {
  const from = at;
  const edits = moduleReferences(file, text)
    .filter((ref) => ref.specifier.startsWith('.'))
    .flatMap((ref) => {
      const target = resolveLocal(file, ref.specifier);
      if (!target) return [];
      const to = place(posix(relative(root, target)));
      const spec = specifierFor(from, to, ref.specifier);
      return spec === ref.specifier ? [] : [{ ...ref, spec }];
    })
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of edits) out = `${out.slice(0, edit.start)}'${edit.spec}'${out.slice(edit.end)}`;
  return out;
}

/** The grading closure: what the grader and the tests need, each file with its place in the edition. */
export function gradingClosure(root: string): { files: Map<string, string>; packages: string[]; scripts: Record<string, string> } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const labs = loadLabs(join(root, LABS_DIR));
  const scripts = graderScripts(pkg, root);
  const grader = filesUnder(join(root, 'src', 'grader')).filter((f) => /\.(m?ts)$/.test(f) && !/\.test\.m?ts$/.test(f));
  const entries = [
    ...grader,
    ...Object.values(scripts).flatMap((command) => scriptFiles(command, root)),
    join(root, 'vitest.config.ts'),
    join(root, SERVER),
    ...labs.map((lab) => lab.testFile),
  ];
  const found = closure(entries);
  if (found.unresolved.length) throw new EditionError(`imports that lead nowhere:\n  ${found.unresolved.map((u) => posix(relative(root, u))).join('\n  ')}`);
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const file of found.files) {
    const rel = posix(relative(root, file));
    if (rel.startsWith('..')) problems.push(`${rel} is outside the course`);
    const target = editionPath(rel);
    if (forbidden(target)) {
      const importers = found.files.filter((f) => moduleReferences(f).some((r) => r.specifier.startsWith('.') && resolveLocal(f, r.specifier) === file));
      problems.push(`${rel} would ship a model or a reference solution (imported by ${importers.map((f) => posix(relative(root, f))).join(', ')}): tests may import only vitest, fast-check, src/labkit/ and ${RELOCATED.map((r) => r.from).join(', ')}`);
    }
    files.set(file, target);
  }
  if (problems.length) throw new EditionError(problems.join('\n'));
  return { files, packages: found.packages, scripts };
}

/** The edition's tsconfig: the course's compiler options as TypeScript resolves them (`tsc --showConfig`, Astro's preset included). */
export function editionTsconfig(root: string): object {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const shown = spawnSync(process.execPath, [tsc, '--showConfig', '-p', join(root, 'tsconfig.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (shown.status !== 0) throw new EditionError(`tsc --showConfig failed: ${shown.stdout}${shown.stderr}`);
  const { compilerOptions } = JSON.parse(shown.stdout) as { compilerOptions: Record<string, unknown> };
  // The site's options (JSX for the widgets, the ~ alias, Astro's language plugin) have nothing to do here.
  for (const key of ['jsx', 'jsxImportSource', 'paths', 'plugins', 'allowJs']) delete compilerOptions[key];
  return { compilerOptions, include: ['labs/**/*.ts', 'src/**/*.ts', 'vitest.config.ts'], exclude: ['node_modules', SITE_DIR] };
}

/** Runs a command to the end; rejects with the end of its output when it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new EditionError(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`)),
    );
  });
}

/**
 * Builds the student site (no instructor guide) into `outDir`. Astro builds it inside the project
 * first: given an outDir outside its working folder, Astro stages the build in the project's .astro/
 * folder, then deletes that folder (its generated types with it) and leaves internals in the output.
 */
export async function buildStudentSite(root: string, outDir: string): Promise<void> {
  const staging = join(root, 'node_modules', '.astro-student', 'site');
  rmSync(staging, { recursive: true, force: true });
  await run(process.execPath, [join(root, 'node_modules', 'astro', 'astro.js'), 'build', '--outDir', staging], {
    cwd: root,
    env: { QC_EDITION: 'student', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  cpSync(staging, outDir, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
}

export interface EditionOptions {
  root: string;
  out: string;
  /** A student site already built (by buildStudentSite) to copy in, or false for none (the proof in npm test adds it); by default it is built. */
  site?: string | false;
  log?: (line: string) => void;
}

export interface EditionSummary {
  files: number;
  dependencies: Record<string, string>;
  relocated: string[];
}

export async function buildEdition(options: EditionOptions): Promise<EditionSummary> {
  const { root } = options;
  const out = resolve(options.out);
  const log = options.log ?? (() => {});
  if (!relative(root, out).startsWith('..') && !isAbsolute(relative(root, out))) {
    throw new EditionError(`${out} is inside the course's folder: write the edition somewhere else (its files would be swept into the course's own builds and tests)`);
  }
  if (existsSync(out) && readdirSync(out).length) throw new EditionError(`${out} exists and is not empty: give a new folder`);
  mkdirSync(out, { recursive: true });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  };

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const labs = loadLabs(join(root, LABS_DIR));
  const { files, packages, scripts } = gradingClosure(root);

  // The grader, the tests' helpers, the starters and tests: copied, imports pointed at where things went.
  const relocated: string[] = [];
  for (const [file, target] of files) {
    const rel = posix(relative(root, file));
    if (target !== rel) relocated.push(`${rel} → ${target}`);
    write(target, /\.(m?ts|tsx)$/.test(file) ? rewriteImports(root, file, readFileSync(file, 'utf8')) : readFileSync(file, 'utf8'));
  }
  // What the grader reads rather than imports: the lab list, its schema, each lab's metadata and brief.
  for (const name of [COURSE_FILE, LAB_SCHEMA_FILE]) write(`${LABS_DIR}/${name}`, readFileSync(join(root, LABS_DIR, name), 'utf8'));
  for (const lab of labs) {
    for (const file of [lab.metaFile, lab.briefFile, lab.studentFile]) write(posix(relative(root, file)), readFileSync(file, 'utf8'));
  }

  const versions = { ...pkg.devDependencies, ...pkg.dependencies };
  const dependencyNames = [...new Set([...packages.filter((name) => versions[name]), 'tsx', '@types/node'])].sort();
  const missing = dependencyNames.filter((name) => !versions[name]);
  if (missing.length) throw new EditionError(`the course's package.json has no version for ${missing.join(', ')}`);
  const dependencies = Object.fromEntries(dependencyNames.map((name) => [name, versions[name]!]));
  const editionPackage = {
    name: pkg.name,
    version: pkg.version,
    private: true,
    description: `${pkg.description ?? pkg.name} Student edition: the course's site, the labs and the grader, without answers.`,
    type: 'module',
    ...(pkg.engines ? { engines: pkg.engines } : {}),
    scripts: { start: `node --import tsx ${SERVER}`, ...scripts },
    dependencies,
  };
  write('package.json', `${JSON.stringify(editionPackage, null, 2)}\n`);
  write('tsconfig.json', `${JSON.stringify(editionTsconfig(root), null, 2)}\n`);
  write('.gitignore', 'node_modules/\n.qc/\nreports/\n');
  write('README.md', studentReadme(labs, { node: pkg.engines?.node ?? '20', scripts: Object.keys(editionPackage.scripts) }));

  // The lock file: the course's own, pruned by npm to the edition's dependencies (no download).
  cpSync(join(root, 'package-lock.json'), join(out, 'package-lock.json'));
  log('pruning the lock file to the edition\'s dependencies');
  await run('npm', ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: out });

  // The edition's own integrity manifest (its test files import the relocated helpers), and the GitHub
  // Classroom workflow pinned to it, so a Classroom template made from the edition verifies.
  const editionLabs = loadLabs(join(out, LABS_DIR));
  const grading = gradingFiles(out, editionLabs, join(out, LABS_DIR));
  const manifest = { $comment: 'Generated by npm run edition: the SHA-256 of every file a grade depends on. Do not edit.', version: 1, files: Object.fromEntries(grading.map((f) => [f, sha256File(join(out, f))])) };
  write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  write(WORKFLOW_FILE, classroomWorkflow(editionLabs.map((lab) => lab.id), sha256File(join(out, MANIFEST_FILE))));

  if (options.site) cpSync(options.site, join(out, SITE_DIR), { recursive: true });
  else if (options.site === undefined) {
    log('building the student site (astro build, without the instructor guide)');
    await buildStudentSite(root, join(out, SITE_DIR));
  }

  const leaks = auditEdition(root, out);
  if (leaks.length) throw new EditionError(`the edition holds what it must not:\n  ${leaks.join('\n  ')}`);
  return { files: filesUnder(out).length, dependencies, relocated };
}

if (isMain(import.meta.url)) {
  await main();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { site: { type: 'string' } } });
  if (positionals.length !== 1) {
    process.stderr.write('Usage: npm run edition -- <dir> [--site <built student site>]\nWrites the student edition of the course to <dir> (a new folder outside this one).\n');
    process.exit(2);
  }
  const started = Date.now();
  try {
    const summary = await buildEdition({ root: projectRoot, out: positionals[0]!, ...(values.site ? { site: resolve(values.site) } : {}), log: (line) => process.stderr.write(`edition: ${line}\n`) });
    const bytes = filesUnder(resolve(positionals[0]!)).reduce((sum, file) => sum + statSync(file).size, 0);
    const size = `${(bytes / 1e6).toFixed(1)} MB`;
    process.stdout.write(
      `Wrote the student edition to ${resolve(positionals[0]!)}: ${summary.files} files, ${size}, in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `  dependencies: ${Object.entries(summary.dependencies).map(([n, v]) => `${n}@${v}`).join(', ')}\n` +
        `  moved so that no src/models/ ships: ${summary.relocated.join('; ') || 'nothing'}\n` +
        `Students: cd ${basename(resolve(positionals[0]!))} && npm ci && npm start\n`,
    );
  } catch (error) {
    process.stderr.write(`edition: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

