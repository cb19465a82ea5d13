/**
 * Checks of a student's file that need no test run: it parses, it still exports what the tests import,
 * and it type-checks. Each problem becomes one diagnosis for the lab, with file:line and what to do.
 *
 * Type checking is the slow part, so it runs in two passes: a fast program with only the ES library
 * and a few globals students use (console, timers), and — only when that finds errors — a full program
 * with the project's own compiler options, whose verdict is the one reported, so the grader never
 * disagrees with the student's editor.
 *
 * Even the fast pass costs seconds of CPU (loading the compiler, parsing the ES library), more than the
 * tests of a lab take to run, so each lab's verdict is remembered (StaticCache, below) against the exact
 * contents of everything it depends on: a lab whose files have not changed since it was last checked is
 * not checked again, and grading it loads no TypeScript at all. The verdict only explains (a syntax
 * error, a lost export, a type-error warning); the tests score the lab either way.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type TypeScript from 'typescript';
import type { Lab } from '../labs/catalog';
import { missingExportsMessage } from './scoring';
import { STUDENT_GLOBALS } from './student-globals';

/** Globals a lab solution may reasonably use, declared for the fast pass. */
const GLOBALS_FILE = '/__grader__/student-globals.d.ts';

/**
 * The TypeScript compiler, loaded on first use with require: through tsx's ESM loader the 9 MB module
 * takes two to three times as long to load, and the grader loads it while the tests are starting.
 */
let compiler: typeof TypeScript | undefined;
function typescript(): typeof TypeScript {
  compiler ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return compiler;
}

/**
 * Parsed files of the installed packages (the ES library above all), kept for the life of the process:
 * watch mode checks on every save, and parsing the library again took 300 ms of each.
 */
const packageFiles = new Map<string, TypeScript.SourceFile>();

export interface StaticDiagnosis {
  kind: 'syntax' | 'missing-export' | 'types';
  message: string;
}

function position(file: TypeScript.SourceFile, start: number | undefined, root: string): string {
  const name = relative(root, file.fileName).split('\\').join('/');
  if (start === undefined) return name;
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return `${name}:${line + 1}:${character + 1}`;
}

function describe(d: TypeScript.Diagnostic, root: string): string {
  const ts = typescript();
  // "'}' expected" at the end of a file: the useful place is the '{' that was never closed.
  const related = d.relatedInformation?.find((r) => r.file && r.start !== undefined);
  const unmatched = !!related && /expected to find a '.' to match the '.' token here/.test(ts.flattenDiagnosticMessageText(related.messageText, ' '));
  const at = unmatched ? related : d;
  const where = at.file ? position(at.file, at.start, root) : 'your file';
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, '');
  if (unmatched) {
    const token = /'(.)' expected/.exec(text)?.[1] ?? '}';
    const opener = ({ '}': '{', ')': '(', ']': '[' } as Record<string, string>)[token] ?? token;
    return `${where}: this '${opener}' is never closed ('${token}' expected before the end of the file) (TS${d.code})`;
  }
  return `${where}: ${text} (TS${d.code})`;
}

/** The names a test file imports from the lab's own module (`./<id>`). */
export function importedNames(testFile: string, id: string): string[] {
  const ts = typescript();
  const source = ts.createSourceFile(testFile, readFileSync(testFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!new RegExp(`^\\./${id}(\\.ts)?$`).test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

/** The names a module exports, or undefined when it re-exports with `export *` (then we cannot tell). */
export function exportedNames(source: TypeScript.SourceFile): Set<string> | undefined {
  const ts = typescript();
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) return undefined;
      if (ts.isNamedExports(statement.exportClause)) for (const e of statement.exportClause.elements) names.add(e.name.text);
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) names.add(decl.name.text);
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as TypeScript.Node)) {
      names.add((statement.name as TypeScript.Identifier).text);
    }
  }
  return names;
}

function compilerOptions(root: string): TypeScript.CompilerOptions {
  const ts = typescript();
  const configPath = join(root, 'tsconfig.json');
  const parsed = existsSync(configPath)
    ? ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
    : undefined;
  return { ...(parsed?.options ?? { strict: true }), noEmit: true, skipLibCheck: true, incremental: false, composite: false };
}

const posix = (path: string): string => path.split('\\').join('/');

/** The lab's own files in a program: the student's file first, then the helpers it imports. */
function labFiles(program: TypeScript.Program, lab: Lab): TypeScript.SourceFile[] {
  const dir = `${posix(lab.dir)}/`;
  const student = posix(lab.studentFile);
  const own = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(dir) && !f.fileName.endsWith('.test.ts') && !f.fileName.slice(dir.length).startsWith('.meta/'));
  return own.sort((a, b) => Number(b.fileName === student) - Number(a.fileName === student));
}

/** The names a module exports, following `export *` through the files it re-exports (TypeScript's view). */
function exportsOf(program: TypeScript.Program, source: TypeScript.SourceFile): Set<string> | undefined {
  // Without `export *` the syntax says it all, and the type checker (the slow part) is not needed.
  const plain = exportedNames(source);
  if (plain) return plain;
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(source);
  if (!symbol) return exportedNames(source);
  return new Set(checker.getExportsOfModule(symbol).map((s) => s.name));
}

/**
 * Checks each lab's student file and the helpers it imports from the lab's folder. Returns, per lab,
 * what was found: a syntax error or a lost export (the lab cannot be graded), or type errors (a warning:
 * the tests still decide the score; docs/grader.md says why).
 */
export class StaticChecker {
  readonly #root: string;
  #options: { full: TypeScript.CompilerOptions; fast: TypeScript.CompilerOptions } | undefined;
  #oldFast: TypeScript.Program | undefined;
  #oldFull: TypeScript.Program | undefined;
  readonly #cache: StaticCache | undefined;

  /** `cache: false` checks every lab afresh (the default remembers verdicts in node_modules/.cache). */
  constructor(root: string, { cache = true }: { cache?: boolean } = {}) {
    this.#root = root;
    this.#cache = cache ? new StaticCache(root) : undefined;
  }

  /** The compiler options, read (and the compiler loaded) only when a lab must really be checked. */
  get #compilerOptions(): { full: TypeScript.CompilerOptions; fast: TypeScript.CompilerOptions } {
    if (!this.#options) {
      const full = compilerOptions(this.#root);
      this.#options = { full, fast: { ...full, lib: ['lib.es2023.d.ts'], types: [] } };
    }
    return this.#options;
  }

  /**
   * `types: false` skips the type check (watch mode runs it after showing the tests' verdicts: type
   * errors are only warnings, and the check is the slow part).
   */
  check(labs: Lab[], { types = true }: { types?: boolean } = {}): Map<string, StaticDiagnosis[]> {
    const result = new Map<string, StaticDiagnosis[]>();
    const present = labs.filter((lab) => existsSync(lab.studentFile));
    const keys = new Map<Lab, string>();
    const todo: Lab[] = [];
    for (const lab of present) {
      const key = this.#cache?.key(lab, types);
      const known = key === undefined ? undefined : this.#cache!.get(lab, key);
      if (known) {
        if (known.length) result.set(lab.id, known);
        continue;
      }
      if (key !== undefined) keys.set(lab, key);
      todo.push(lab);
    }
    if (!todo.length) return result;
    const { diagnoses, programs } = this.#check(todo, types);
    for (const lab of todo) {
      const found = diagnoses.get(lab.id) ?? [];
      if (found.length) result.set(lab.id, found);
      const key = keys.get(lab);
      if (key !== undefined) this.#cache!.set(lab, key, found, programs);
    }
    this.#cache?.save();
    return result;
  }

  #check(present: Lab[], types: boolean): { diagnoses: Map<string, StaticDiagnosis[]>; programs: TypeScript.Program[] } {
    const ts = typescript();
    const result = new Map<string, StaticDiagnosis[]>();
    const add = (id: string, d: StaticDiagnosis): void => {
      result.set(id, [...(result.get(id) ?? []), d]);
    };
    const options = this.#compilerOptions;
    const host = ts.createCompilerHost(options.fast);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) => {
      if (name === GLOBALS_FILE) return ts.createSourceFile(name, STUDENT_GLOBALS, version);
      if (!posix(name).split('/').includes('node_modules')) return getSourceFile(name, version, onError, create);
      const key = `${typeof version === 'object' ? JSON.stringify(version) : version}\u0000${name}`;
      const known = packageFiles.get(key);
      if (known) return known;
      const file = getSourceFile(name, version, onError, create);
      if (file) packageFiles.set(key, file);
      return file;
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === GLOBALS_FILE || fileExists(name);
    const program = ts.createProgram({
      rootNames: [...present.map((lab) => lab.studentFile), GLOBALS_FILE],
      options: options.fast,
      host,
      ...(this.#oldFast ? { oldProgram: this.#oldFast } : {}),
    });
    this.#oldFast = program;
    const programs = [program];
    const needsFullCheck: Lab[] = [];
    for (const lab of present) {
      const files = labFiles(program, lab);
      const source = files[0]!;
      const syntax = files.map((f) => program.getSyntacticDiagnostics(f)[0]).find((d) => d);
      if (syntax) {
        add(lab.id, {
          kind: 'syntax',
          message: `${describe(syntax, this.#root)}. Fix this syntax error (your editor underlines it in red), then grade again.`,
        });
        continue;
      }
      const exported = exportsOf(program, source);
      const missing = exported ? importedNames(lab.testFile, lab.id).filter((name) => !exported.has(name)) : [];
      if (missing.length) {
        const file = relative(this.#root, lab.studentFile).split('\\').join('/');
        const via = source.statements.some((st) => ts.isExportDeclaration(st) && !st.exportClause) ? ' (counting what it re-exports with `export *`)' : '';
        add(lab.id, {
          kind: 'missing-export',
          message: missingExportsMessage(file, missing, via),
        });
        continue;
      }
      if (types && files.some((f) => program.getSemanticDiagnostics(f).length)) needsFullCheck.push(lab);
    }
    if (needsFullCheck.length) {
      const full = ts.createProgram({
        rootNames: needsFullCheck.map((lab) => lab.studentFile),
        options: options.full,
        ...(this.#oldFull ? { oldProgram: this.#oldFull } : {}),
      });
      this.#oldFull = full;
      programs.push(full);
      for (const lab of needsFullCheck) {
        const errors = labFiles(full, lab)
          .flatMap((f) => full.getSemanticDiagnostics(f))
          .filter((d) => d.category === ts.DiagnosticCategory.Error);
        if (!errors.length) continue;
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more; \`npx tsc --noEmit\` lists them all)` : '';
        add(lab.id, {
          kind: 'types',
          message: `${describe(errors[0]!, this.#root)}${more}. The labs are checked as strict TypeScript (with noUncheckedIndexedAccess): the tests ran anyway, but fix the type errors your editor shows.`,
        });
      }
    }
    return { diagnoses: result, programs };
  }
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Every file under `dir` (names and contents), sorted, for a lab's key. */
function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const visit = (at: string): void => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path);
      } else if (entry.isFile()) {
        hash.update(`${relative(dir, path)}\u0000`).update(readFileSync(path)).update('\u0000');
      }
    }
  };
  visit(dir);
  return hash.digest('hex');
}

interface CacheEntry {
  key: string;
  /** Files outside the lab's folder and outside node_modules that the check read, with their hashes. */
  external: Record<string, string>;
  diagnoses: StaticDiagnosis[];
}

const CACHE_VERSION = 1;

/**
 * The remembered verdicts of StaticChecker, in node_modules/.cache/queues-and-caches/static-checks.json,
 * keyed by the lab's folder. A lab's key hashes everything its verdict depends on: every file in the
 * lab's folder (the student's file, its helpers, the test file whose imports are checked), tsconfig.json,
 * the lock file (the compiler's version and every type package under node_modules), this module's own
 * source (the messages and the globals of the fast pass) and whether types were checked. A file outside
 * the lab and outside node_modules that the check read (a student's import of the course's code, say) is
 * recorded with its hash and compared on every use. A damaged or edited cache can only change which
 * explanation a lab gets, never a test's verdict or a point.
 */
export class StaticCache {
  readonly #root: string;
  readonly #file: string;
  #entries: Record<string, CacheEntry> | undefined;
  #changed = false;
  #common: string | undefined;

  constructor(root: string) {
    this.#root = root;
    this.#file = join(root, 'node_modules', '.cache', 'queues-and-caches', 'static-checks.json');
  }

  get #all(): Record<string, CacheEntry> {
    if (!this.#entries) {
      let entries: Record<string, CacheEntry> = {};
      try {
        const parsed = JSON.parse(readFileSync(this.#file, 'utf8')) as { version?: number; labs?: Record<string, CacheEntry> };
        if (parsed.version === CACHE_VERSION && parsed.labs && typeof parsed.labs === 'object') entries = parsed.labs;
      } catch {
        // No cache yet, or a damaged one: every lab is checked afresh.
      }
      this.#entries = entries;
    }
    return this.#entries;
  }

  /** What every lab's key shares: the compiler options, the installed packages, this checker. */
  #commonKey(): string {
    this.#common ??= sha256(
      [
        readOr(join(this.#root, 'tsconfig.json')),
        readOr(join(this.#root, 'package-lock.json')),
        readOr(fileURLToPath(import.meta.url)),
        readOr(join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'package.json')),
      ].join('\u0000'),
    );
    return this.#common;
  }

  key(lab: Lab, types: boolean): string {
    return sha256(`${CACHE_VERSION}\u0000${this.#commonKey()}\u0000${types}\u0000${folderDigest(lab.dir)}`);
  }

  get(lab: Lab, key: string): StaticDiagnosis[] | undefined {
    const entry = this.#all[lab.dir];
    if (!entry || entry.key !== key || !Array.isArray(entry.diagnoses)) return undefined;
    for (const [file, hash] of Object.entries(entry.external ?? {})) {
      const path = isAbsolute(file) ? file : join(this.#root, file);
      if (!existsSync(path) || sha256(readFileSync(path)) !== hash) return undefined;
    }
    return entry.diagnoses;
  }

  /** Remembers a lab's verdict, with the files outside its folder that the programs read for it. */
  set(lab: Lab, key: string, diagnoses: StaticDiagnosis[], programs: TypeScript.Program[]): void {
    const own = `${posix(lab.dir)}/`;
    const external: Record<string, string> = {};
    for (const program of programs) {
      for (const file of reachable(program, lab)) {
        const name = posix(file);
        if (name.startsWith(own) || name === GLOBALS_FILE || name.split('/').includes('node_modules')) continue;
        if (existsSync(file)) external[posix(relative(this.#root, file))] = sha256(readFileSync(file));
      }
    }
    this.#all[lab.dir] = { key, external, diagnoses };
    this.#changed = true;
  }

  save(): void {
    if (!this.#changed) return;
    this.#changed = false;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      const temporary = `${this.#file}.${randomUUID()}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, labs: this.#all }));
      renameSync(temporary, this.#file);
    } catch {
      // A cache that cannot be written only means the next grading checks again.
    }
  }
}

/** The files of `program` that the lab's student file reaches through imports and references. */
function reachable(program: TypeScript.Program, lab: Lab): string[] {
  const ts = typescript();
  const byName = new Map(program.getSourceFiles().map((f) => [posix(f.fileName), f]));
  const seen = new Set<string>();
  const options = program.getCompilerOptions();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = byName.get(name);
    if (!file) return;
    const info = ts.preProcessFile(file.text, true, true);
    for (const ref of info.referencedFiles) visit(posix(join(dirname(name), ref.fileName)));
    for (const imported of info.importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, name, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved) visit(posix(resolved));
    }
  };
  visit(posix(lab.studentFile));
  return [...seen].filter((name) => byName.has(name)).map((name) => name.split('/').join(sep));
}
