/**
 * The type-check worker (classic, loaded lazily after the first Run): TypeScript's compiler and the ES
 * library, copied next to the test bundles at build time (src/labs/browser/integration.ts), check the
 * student's file as the grader's fast pass does — strict, noUncheckedIndexedAccess, the ES library and
 * the few globals a lab may use — and answer with the first error in the grader's words.
 */
import type TypeScript from 'typescript';
import { STUDENT_GLOBALS } from '../../grader/student-globals';

declare function importScripts(...urls: string[]): void;
declare const ts: typeof TypeScript;

interface CheckMessage {
  base: string;
  file: string;
  code: string;
  seq: number;
}

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<CheckMessage>) => void) | null };
const libs = new Map<string, string>();
let loaded: Promise<void> | undefined;
let oldProgram: TypeScript.Program | undefined;
const GLOBALS = '/globals.d.ts';

async function fetchLib(base: string, name: string): Promise<void> {
  if (libs.has(name)) return;
  libs.set(name, '');
  const text = await (await fetch(`${base}lib.${name}.d.ts`)).text();
  libs.set(name, text);
  const refs = [...text.matchAll(/\/\/\/\s*<reference lib="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
  await Promise.all(refs.map((ref) => fetchLib(base, ref)));
}

function load(base: string): Promise<void> {
  loaded ??= (async () => {
    importScripts(`${base}typescript.js`);
    await fetchLib(base, 'es2023');
  })();
  return loaded;
}

function check(message: CheckMessage): string | undefined {
  const options: TypeScript.CompilerOptions = {
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
  const sources = new Map<string, string>([[message.file, message.code], [GLOBALS, STUDENT_GLOBALS]]);
  for (const [name, text] of libs) sources.set(`/lib.${name}.d.ts`, text);
  const host: TypeScript.CompilerHost = {
    getSourceFile: (name, version) => {
      const text = sources.get(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, version);
    },
    getDefaultLibFileName: () => '/lib.es2023.d.ts',
    getDefaultLibLocation: () => '/',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => sources.has(name),
    readFile: (name) => sources.get(name),
  };
  const program = ts.createProgram({ rootNames: [message.file, GLOBALS], options, host, ...(oldProgram ? { oldProgram } : {}) });
  oldProgram = program;
  const source = program.getSourceFile(message.file)!;
  const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].filter((d) => d.category === ts.DiagnosticCategory.Error);
  const first = errors[0];
  if (!first) return undefined;
  const where = first.start !== undefined ? source.getLineAndCharacterOfPosition(first.start) : undefined;
  const at = `${message.file.replace(/^\//, '')}${where ? `:${where.line + 1}:${where.character + 1}` : ''}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${at}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '')} (TS${first.code})${more}. The labs are checked as strict TypeScript (with noUncheckedIndexedAccess): the tests ran anyway, but fix the type errors.`;
}

scope.onmessage = (event) => {
  const message = event.data;
  load(message.base).then(
    () => scope.postMessage({ seq: message.seq, error: check(message) ?? null }),
    (error: unknown) => scope.postMessage({ seq: message.seq, failed: String(error) }),
  );
};
