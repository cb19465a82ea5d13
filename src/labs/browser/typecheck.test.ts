/**
 * The page's type check (typecheck.ts, run by the lesson page's type-check worker) against the
 * grader's (StaticChecker, src/grader/static-checks.ts): the same verdict on every lab's starter and
 * reference, and the same first error — place, text, TypeScript code and how many more — on deliberate
 * type errors. The grader's words are read from its own message, so a change to either side shows here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type TypeScript from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLabs, type Lab } from '../catalog';
import { StaticChecker } from '../../grader/static-checks';
import { typeCheck, typeErrorMessage, type TypeCheckError } from './typecheck';

const root = join(import.meta.dirname, '..', '..', '..');
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
const labs = loadLabs(join(root, 'labs'));

/** The ES library as the worker fetches it: lib.es2023.d.ts and every lib file it references. */
const libDir = dirname(createRequire(import.meta.url).resolve('typescript'));
const libs = new Map(
  readdirSync(libDir)
    .filter((name) => /^lib\.es[\w.]*\.d\.ts$/.test(name) || /^lib\.decorators(\.legacy)?\.d\.ts$/.test(name))
    .map((name) => [name.slice(4, -5).toLowerCase(), readFileSync(join(libDir, name), 'utf8')] as const),
);

let oldProgram: TypeScript.Program | undefined;
/** The page's verdict on `code`, named `file` (`/labs/<id>/<id>.ts` on the page); files it imports are read from disk. */
function page(file: string, code: string): TypeCheckError | undefined {
  const readFile = (name: string) => (!name.startsWith('/lib.') && existsSync(name) ? readFileSync(name, 'utf8') : undefined);
  const result = typeCheck(ts, { file, code, libs, readFile, ...(oldProgram ? { oldProgram } : {}) });
  oldProgram = result.program;
  return result.error;
}

/** The grader's verdict, parsed back from its message (undefined when it reports no type error). */
function parseGrader(message: string | undefined): TypeCheckError | undefined {
  if (message === undefined) return undefined;
  const match = /^(labs\/[^:]+:\d+:\d+): (.*) \(TS(\d+)\)(?: \(and (\d+) more;[^)]*\))?\. The labs are checked as strict TypeScript/.exec(message);
  if (!match) throw new Error(`the grader's type message has a new shape: ${message}`);
  return { at: match[1]!, text: match[2]!, code: Number(match[3]), more: Number(match[4] ?? 0) };
}

// Deliberate errors are graded in a project of their own (the course's tsconfig.json, so the grader's
// full pass sees the course's options), inside node_modules so that its packages resolve as the course's.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const scratch = mkdtempSync(join(root, 'node_modules', '.cache', 'qc-typecheck-'));
cpSync(join(root, 'tsconfig.json'), join(scratch, 'tsconfig.json'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The grader's verdicts on several versions of `lab`'s file at once (one program: its full pass is the slow part). */
function graderOn(lab: Lab, codes: string[]): (TypeCheckError | undefined)[] {
  const copies = codes.map((code, i) => {
    const id = `${lab.id}-${i}`;
    const dir = join(scratch, 'labs', id);
    mkdirSync(dir, { recursive: true });
    const copy = { ...lab, id, dir, studentFile: join(dir, `${id}.ts`), testFile: join(dir, `${id}.test.ts`) };
    writeFileSync(copy.studentFile, code);
    cpSync(lab.testFile, copy.testFile);
    return copy;
  });
  const found = new StaticChecker(scratch, { cache: false }).check(copies);
  return copies.map((copy) => parseGrader(found.get(copy.id)?.find((d) => d.kind === 'types')?.message));
}

describe("the page's type check gives the grader's verdict", () => {
  it("on every lab's starter and reference: no type error", () => {
    // The grader checks all the starters in one program, then all the references in another.
    const checker = new StaticChecker(root, { cache: false });
    const starters = checker.check(labs);
    const references = checker.check(labs.map((lab) => ({ ...lab, dir: dirname(lab.solutionFile), studentFile: lab.solutionFile })));
    for (const lab of labs) {
      expect(starters.get(lab.id), `the grader on ${lab.id}'s starter`).toBeUndefined();
      expect(references.get(lab.id), `the grader on ${lab.id}'s reference`).toBeUndefined();
      expect(page(`/labs/${lab.id}/${lab.id}.ts`, readFileSync(lab.studentFile, 'utf8')), `the page on ${lab.id}'s starter`).toBeUndefined();
      // The reference re-exports the course's models: the page's checker follows them from disk.
      expect(page(lab.solutionFile, readFileSync(lab.solutionFile, 'utf8')), `the page on ${lab.id}'s reference`).toBeUndefined();
    }
  });

  const lab = labs.find((l) => l.id === 'littles-law')!;
  const starter = readFileSync(lab.studentFile, 'utf8');
  const mistakes: Record<string, string> = {
    'a string where a number is declared': `${starter}\nexport const answer: number = 'forty-two';\n`,
    'an array element used as if it were always there (noUncheckedIndexedAccess)': `${starter}\nexport function firstRate(rates: number[]): number {\n  return rates[0];\n}\n`,
    'a parameter with no type (strict: no implicit any), twice': `${starter}\nexport function twice(x) {\n  return x * 2;\n}\nexport function thrice(y) {\n  return y * 3;\n}\n`,
    'a possibly undefined value used (strictNullChecks)': `${starter}\nexport function size(map: Map<string, number[]>): number {\n  return map.get('a').length;\n}\n`,
  };
  it(`on deliberate type errors: the same first error (place, text, code) and count — ${Object.keys(mistakes).join('; ')}`, () => {
    const codes = Object.values(mistakes);
    const graded = graderOn(lab, codes);
    Object.keys(mistakes).forEach((what, i) => {
      const grader = graded[i];
      expect(grader, `the grader reports a type error on ${what}`).toBeDefined();
      const mine = page(`/labs/${lab.id}-${i}/${lab.id}-${i}.ts`, codes[i]!);
      expect(mine, what).toEqual(grader);
      expect(typeErrorMessage(mine!)).toContain(`${grader!.at}: ${grader!.text} (TS${grader!.code})`);
    });
  });
});
