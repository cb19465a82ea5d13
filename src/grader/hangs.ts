/**
 * Which tests call which of the lab's functions, read from the test file's source: when a test hangs in
 * a function, the tests that call the same function would most likely hang too, each costing its
 * budget, a second of grace and a restart. The grader does not run them again; the report says why.
 *
 * Only plain functions the lab exports count, and only when the hung test calls exactly one of them
 * (otherwise the grader cannot tell which one hung, and reruns everything). A class is never blamed as
 * a whole: a hang in one method says nothing about the others.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import type TypeScript from 'typescript';
import { callersOfHung } from './scoring';

let compiler: typeof TypeScript | undefined;
function typescript(): typeof TypeScript {
  compiler ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return compiler;
}

const cache = new Map<string, Map<string, Set<string>>>();
const lines = new Map<string, { name: string; from: number; to: number }[]>();

/** The test whose body spans `line` (1-based) of `testFile`, if one does. */
export function testAtLine(testFile: string, line: number): string | undefined {
  try {
    functionsCalledByTests(testFile);
  } catch {
    return undefined;
  }
  return lines.get(testFile)?.find((t) => t.from <= line && line <= t.to)?.name;
}

/** Per test (full name), the lab's exported functions its body calls. */
export function functionsCalledByTests(testFile: string): Map<string, Set<string>> {
  const cached = cache.get(testFile);
  if (cached) return cached;
  const ts = typescript();
  const id = basename(dirname(testFile));
  const source = ts.createSourceFile(testFile, readFileSync(testFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const imported = new Map<string, string>(); // local name → exported name
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!new RegExp(`^\\./${id}(\\.ts)?$`).test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) imported.set(e.name.text, (e.propertyName ?? e.name).text);
  }
  const constructed = new Set<string>();
  const byTest = new Map<string, Set<string>>();
  const spans: { name: string; from: number; to: number }[] = [];
  const literal = (node: TypeScript.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const callee = (call: TypeScript.CallExpression): string | undefined => {
    const e = call.expression;
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return e.expression.text;
    return undefined;
  };
  const calls = (body: TypeScript.Node): Set<string> => {
    const found = new Set<string>();
    const visit = (node: TypeScript.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && imported.has(node.expression.text)) found.add(imported.get(node.expression.text)!);
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && imported.has(node.expression.text)) constructed.add(imported.get(node.expression.text)!);
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  };
  const walk = (node: TypeScript.Node, names: string[]): void => {
    if (ts.isCallExpression(node)) {
      const fn = callee(node);
      const name = literal(node.arguments[0]);
      const body = node.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
      if ((fn === 'describe' || fn === 'suite') && name !== undefined && body) {
        ts.forEachChild(body, (child) => walk(child, [...names, name]));
        return;
      }
      if ((fn === 'it' || fn === 'test') && name !== undefined && body) {
        const full = [...names, name].join(' > ');
        byTest.set(full, calls(body));
        const from = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const to = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
        spans.push({ name: full, from, to });
        return;
      }
    }
    ts.forEachChild(node, (child) => walk(child, names));
  };
  walk(source, []);
  for (const set of byTest.values()) for (const name of constructed) set.delete(name);
  cache.set(testFile, byTest);
  lines.set(testFile, spans);
  return byTest;
}

/**
 * The tests of `testFile` not yet scored that call the one function `hungTest` calls, with that
 * function's name; empty when the hung test calls none or several.
 */
export function hungCallers(testFile: string, hungTest: string, collected: string[], scored: string[]): [string, string][] {
  let byTest: Map<string, Set<string>>;
  try {
    byTest = functionsCalledByTests(testFile);
  } catch {
    return [];
  }
  return callersOfHung(byTest, hungTest, collected, scored);
}
