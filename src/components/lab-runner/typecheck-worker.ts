/**
 * The type-check worker (classic, loaded lazily after the first Run): TypeScript's compiler and the ES
 * library, copied next to the test bundles at build time (src/labs/browser/integration.ts), check the
 * student's file as the grader's fast pass does — strict, noUncheckedIndexedAccess, the ES library and
 * the few globals a lab may use (src/labs/browser/typecheck.ts, proved against the grader's checker by
 * typecheck.test.ts) — and answer with the first error in the grader's words.
 */
import type TypeScript from 'typescript';
import { typeCheck, typeErrorMessage } from '../../labs/browser/typecheck';

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
  const { error, program } = typeCheck(ts, { file: message.file, code: message.code, libs, ...(oldProgram ? { oldProgram } : {}) });
  oldProgram = program;
  return error && typeErrorMessage(error);
}

scope.onmessage = (event) => {
  const message = event.data;
  load(message.base).then(
    () => scope.postMessage({ seq: message.seq, error: check(message) ?? null }),
    (error: unknown) => scope.postMessage({ seq: message.seq, failed: String(error) }),
  );
};
