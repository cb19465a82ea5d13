/**
 * The lesson page's type check (issue 15), with no Node or DOM API: the type-check worker
 * (src/components/lab-runner/typecheck-worker.ts) runs it on the student's file with TypeScript and the
 * ES library it fetched, and typecheck.test.ts runs the same function in Node beside the grader's
 * StaticChecker to prove that the two give the same first error (place, text, code and count). The
 * options are the grader's fast pass: strict, noUncheckedIndexedAccess, noImplicitOverride, the ES2023
 * library and the few globals a lab may use (src/grader/student-globals.ts), nothing of Node's.
 */
import type TypeScript from 'typescript';
import { STUDENT_GLOBALS } from '../../grader/student-globals';

export const GLOBALS_FILE = '/globals.d.ts';

export interface TypeCheckError {
  /** `labs/<id>/<id>.ts:line:column`, as the grader writes it. */
  at: string;
  text: string;
  code: number;
  /** How many errors beyond the first. */
  more: number;
}

export interface TypeCheckRequest {
  /** The student's file as the page names it (`/labs/<id>/<id>.ts`). */
  file: string;
  code: string;
  /** The ES library files by name (`es2023` for lib.es2023.d.ts), with every file they reference. */
  libs: ReadonlyMap<string, string>;
  /** Other files the student's file may import (the Node proof reads them from disk; the page has none). */
  readFile?: (name: string) => string | undefined;
  /** The last program, for TypeScript to reuse what did not change (the worker keeps it). */
  oldProgram?: TypeScript.Program;
}

export function pageCompilerOptions(ts: typeof TypeScript): TypeScript.CompilerOptions {
  return {
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts'],
    types: [],
  };
}

/** Parsed library and helper files, by language version and name. */
const parsed = new Map<string, TypeScript.SourceFile>();

/** Type-checks the student's file; the first error (if any) and the program, for reuse. */
export function typeCheck(ts: typeof TypeScript, request: TypeCheckRequest): { error: TypeCheckError | undefined; program: TypeScript.Program } {
  const sources = new Map<string, string>([[request.file, request.code], [GLOBALS_FILE, STUDENT_GLOBALS]]);
  for (const [name, text] of request.libs) sources.set(`/lib.${name}.d.ts`, text);
  const read = (name: string): string | undefined => sources.get(name) ?? request.readFile?.(name);
  const host: TypeScript.CompilerHost = {
    getSourceFile: (name, version) => {
      const text = read(name);
      if (text === undefined) return undefined;
      // The library and the globals are parsed once: TypeScript reuses a file across programs only
      // when the host hands back the same object (a re-check then takes milliseconds, not a parse).
      const key = `${typeof version === 'object' ? version.languageVersion : version}\u0000${name}`;
      const known = parsed.get(key);
      if (known && known.text === text) return known;
      const file = ts.createSourceFile(name, text, version);
      if (name !== request.file) parsed.set(key, file);
      return file;
    },
    getDefaultLibFileName: () => '/lib.es2023.d.ts',
    getDefaultLibLocation: () => '/',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => read(name) !== undefined,
    readFile: read,
  };
  const program = ts.createProgram({
    rootNames: [request.file, GLOBALS_FILE],
    options: pageCompilerOptions(ts),
    host,
    ...(request.oldProgram ? { oldProgram: request.oldProgram } : {}),
  });
  const source = program.getSourceFile(request.file)!;
  const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].filter((d) => d.category === ts.DiagnosticCategory.Error);
  const first = errors[0];
  if (!first) return { error: undefined, program };
  const where = first.start !== undefined ? source.getLineAndCharacterOfPosition(first.start) : undefined;
  return {
    error: {
      at: `${request.file.replace(/^\//, '')}${where ? `:${where.line + 1}:${where.character + 1}` : ''}`,
      text: ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, ''),
      code: first.code,
      more: errors.length - 1,
    },
    program,
  };
}

/** The page's words for a type error: the grader's (static-checks.ts), less the pointer to a terminal. */
export function typeErrorMessage(error: TypeCheckError): string {
  const more = error.more ? ` (and ${error.more} more)` : '';
  return `${error.at}: ${error.text} (TS${error.code})${more}. The labs are checked as strict TypeScript (with noUncheckedIndexedAccess): the tests ran anyway, but fix the type errors.`;
}
