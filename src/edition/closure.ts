/**
 * What a set of TypeScript files needs, found by reading their imports (TypeScript's own parser): the
 * local files they import, directly or not — type-only imports included, since a student's editor and
 * the grader's type check read those too — and the packages they import. The student edition is built
 * from this closure of the grader and the labs' tests, not from a list of files, so it follows the
 * grader when the grader changes.
 *
 * Read as imports: `import`/`export … from`, `import type`, `import('…')`, `require('…')`,
 * `require.resolve('…')`, `createRequire(…)('…')` and `new URL('./…', import.meta.url)`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type TypeScript from 'typescript';

const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

export interface ModuleReference {
  /** The specifier as written, e.g. '../labs/catalog' or 'zod'. */
  specifier: string;
  /** Where it starts in the file (the opening quote), for rewriting. */
  start: number;
  end: number;
}

/** Every module a file refers to, with where the specifier is written. */
export function moduleReferences(file: string, text = readFileSync(file, 'utf8')): ModuleReference[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: ModuleReference[] = [];
  const add = (node: TypeScript.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, start: node.getStart(source), end: node.getEnd() });
  };
  const visit = (node: TypeScript.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) add(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = node.arguments[0];
      const named = (e: TypeScript.Expression, name: string) => ts.isIdentifier(e) && e.text === name;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        named(callee, 'require') ||
        (ts.isPropertyAccessExpression(callee) && named(callee.expression, 'require') && callee.name.text === 'resolve') ||
        (ts.isCallExpression(callee) && named(callee.expression, 'createRequire'))
      ) {
        add(first);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [path, base] = node.arguments ?? [];
      if (path && base && ts.isStringLiteralLike(path) && path.text.startsWith('.') && base.getText(source) === 'import.meta.url') add(path);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const builtins = new Set(builtinModules);

/** The package a bare specifier names ('@scope/name/sub' → '@scope/name'), or undefined for a Node built-in. */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The file a relative specifier points at, trying TypeScript's extensions, or undefined. */
export function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

export interface Closure {
  /** Every local file reached, absolute paths, sorted. */
  files: string[];
  /** Bare package names imported anywhere in the closure, sorted. */
  packages: string[];
  /** Relative specifiers that lead nowhere ("file → specifier"). */
  unresolved: string[];
}

/** The local files and packages `entries` need, following relative imports from file to file. */
export function closure(entries: string[]): Closure {
  const files = new Set<string>();
  const packages = new Set<string>();
  const unresolved: string[] = [];
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.(m?ts|tsx)$/.test(file)) return;
    for (const { specifier } of moduleReferences(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveLocal(file, specifier);
        if (target) visit(target);
        else unresolved.push(`${file} → ${specifier}`);
      } else {
        const name = packageName(specifier);
        if (name) packages.add(name);
      }
    }
  };
  entries.forEach(visit);
  return { files: [...files].sort(), packages: [...packages].sort(), unresolved };
}
