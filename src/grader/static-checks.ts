/**
 * Checks of a student's file that need no test run: it parses, it still exports what the tests import,
 * and it type-checks. Each problem becomes one diagnosis for the lab, with file:line and what to do.
 *
 * Type checking is the slow part, so it runs in two passes: a fast program with only the ES library
 * and a few globals students use (console, timers), and — only when that finds errors — a full program
 * with the project's own compiler options, whose verdict is the one reported, so the grader never
 * disagrees with the student's editor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
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
  readonly #full: TypeScript.CompilerOptions;
  readonly #fast: TypeScript.CompilerOptions;
  #oldFast: TypeScript.Program | undefined;
  #oldFull: TypeScript.Program | undefined;

  constructor(root: string) {
    this.#root = root;
    this.#full = compilerOptions(root);
    this.#fast = { ...this.#full, lib: ['lib.es2023.d.ts'], types: [] };
  }

  /**
   * `types: false` skips the type check (watch mode runs it after showing the tests' verdicts: type
   * errors are only warnings, and the check is the slow part).
   */
  check(labs: Lab[], { types = true }: { types?: boolean } = {}): Map<string, StaticDiagnosis[]> {
    const ts = typescript();
    const result = new Map<string, StaticDiagnosis[]>();
    const add = (id: string, d: StaticDiagnosis): void => {
      result.set(id, [...(result.get(id) ?? []), d]);
    };
    const present = labs.filter((lab) => existsSync(lab.studentFile));
    const host = ts.createCompilerHost(this.#fast);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) =>
      name === GLOBALS_FILE ? ts.createSourceFile(name, STUDENT_GLOBALS, version) : getSourceFile(name, version, onError, create);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === GLOBALS_FILE || fileExists(name);
    const program = ts.createProgram({
      rootNames: [...present.map((lab) => lab.studentFile), GLOBALS_FILE],
      options: this.#fast,
      host,
      ...(this.#oldFast ? { oldProgram: this.#oldFast } : {}),
    });
    this.#oldFast = program;
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
        options: this.#full,
        ...(this.#oldFull ? { oldProgram: this.#oldFull } : {}),
      });
      this.#oldFull = full;
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
    return result;
  }
}
