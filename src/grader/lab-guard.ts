/**
 * The labs project's Vite plugin, running in the process that owns Vitest. It decides what a lab's
 * code may load, before any of it reaches a worker:
 *
 *   - the tests' import of the lab (`./<id>`) always means `<id>.ts` — a stale `<id>.js` beside it is
 *     reported, never loaded — or, for the lab proofs (QC_LAB_TARGET), the reference or a known mistake;
 *   - lab code (every module of the student's own folder except the test file and `.meta/`) may import
 *     only other files of that folder: not `.meta/` (the answers), not `src/` (the course's models),
 *     not the tests, not `vitest`, no package and no Node built-in. Static imports are checked as the
 *     module is served; a run-time `import()` is routed through the sandbox's check, which turns a
 *     refused path into one this plugin refuses here. Every refusal is recorded in the results file
 *     (results.ts), so the lab is reported as not valid even if its code caught the error;
 *   - lab code that names the module runner's internals (`__vite_ssr_…`, `__vitest_…`) is refused;
 *   - every module of lab code starts with the sandbox prelude (sandbox.ts);
 *   - every module served is recorded with the SHA-256 of its source, so the integrity check compares
 *     the files the workers actually ran, not only the files on disk before and after.
 *
 * The tests themselves (and the course code they import) are not restricted.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { studentFileName, testFileName } from '../labs/layout';
import { LAB_TARGET_ENV, targetFile } from './lab-target';
import { recordResult, RESULTS_ENV } from './results';
import { SANDBOX_GLOBAL, SANDBOX_PRELUDE } from './sandbox';
import { refusalMessage } from './scoring';

export { refusalMessage };

/** The specifier the sandbox's run-time check gives an `import()` it refuses (see sandbox.ts). */
export const REFUSED_PREFIX = 'qc-refused:';

/** Names of the module runner's internals; lab code that mentions one is refused. */
const INTERNAL_NAMES = /__vite_ssr_|__vitest_|__qc_|\bimport\.meta\.vitest\b/;

const posix = (path: string): string => path.split(sep).join('/');
const stripQuery = (id: string): string => id.replace(/[?#].*$/, '');

export interface LabModule {
  /** The lab's id (its folder's name). */
  lab: string;
  /** The lab's folder. */
  dir: string;
}

/** The lab whose folder holds `file`, if it is a file of a lab at all. */
export function labOf(file: string, labsDir: string): LabModule | undefined {
  const rel = relative(labsDir, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const [lab, ...rest] = rel.split(sep);
  if (!lab || !rest.length) return undefined;
  return { lab, dir: join(labsDir, lab) };
}

/** Whether `file` is lab code: a file of a lab's folder other than its test file and `.meta/`. */
export function isLabCode(file: string, labsDir: string): LabModule | undefined {
  const lab = labOf(file, labsDir);
  if (!lab) return undefined;
  const rel = relative(lab.dir, file).split(sep);
  if (rel[0] === '.meta' || (rel.length === 1 && rel[0] === testFileName(lab.lab))) return undefined;
  return lab;
}

/** The `.ts` file a relative import from lab code means (TypeScript style: `./x`, `./x.js`, `./x/index`). */
export function resolveLabImport(source: string, importer: string): string | undefined {
  const base = resolve(dirname(importer), source);
  const ext = extname(base);
  if (ext && !['.js', '.mjs', '.ts', '.mts'].includes(ext)) return existsSync(base) ? base : undefined;
  const stem = ext === '.js' || ext === '.mjs' ? base.slice(0, -ext.length) : base;
  const candidates = [
    ...(ext === '.ts' || ext === '.mts' ? [base] : []),
    `${stem}.ts`,
    `${stem}.mts`,
    join(stem, 'index.ts'),
    // A JavaScript helper the student wrote is their own code too; a .ts beside it wins.
    ...(ext === '.js' || ext === '.mjs' ? [base] : [`${base}.js`, `${base}.mjs`]),
  ];
  return candidates.find((path) => existsSync(path));
}

/**
 * Why lab code in `lab` may not import `source` (resolved to `resolved` when it is a path), or
 * undefined when it may.
 */
export function refusal(source: string, lab: LabModule, labsDir: string, root: string, resolved: string | undefined): string | undefined {
  if (/[?#]/.test(source)) return 'a file read through a query (such as ?raw), which lab code may not do';
  if (/^(data|file|https?):/i.test(source)) return 'code from outside the lab';
  if (source === 'vitest' || source.startsWith('vitest/') || source.startsWith('@vitest/') || source === 'vite') {
    return 'the test framework, which lab code must not reach';
  }
  if (isBuiltin(source)) {
    return `one of Node's built-in modules: lab code runs without files, processes or threads, and needs none of them`;
  }
  if (!source.startsWith('.') && !isAbsolute(source)) return 'a package: lab code may only use its own files and the language';
  const path = resolved ?? resolve(dirname(lab.dir), lab.lab, source);
  const inLab = labOf(path, labsDir);
  if (inLab?.lab === lab.lab) {
    const rel = relative(lab.dir, path).split(sep);
    if (rel[0] === '.meta') return "the course's answer";
    if (rel.length === 1 && rel[0] === testFileName(lab.lab)) return 'the tests themselves';
    if (rel.length === 1 && (rel[0] === 'lab.json' || rel[0] === 'brief.md')) return "the lab's grading data";
    // A file of the lab (or a typo: Vite then says the file does not exist, as for any import).
    return undefined;
  }
  if (inLab) return "another lab's files";
  const fromRoot = relative(root, path);
  if (!fromRoot.startsWith('..') && fromRoot.startsWith(`src${sep}`)) {
    return "the course's own code (its models are the reference answers)";
  }
  return 'a file outside the lab';
}

/** The sentence a refused import gets, in the report and in the error the import throws: scoring.ts's refusalMessage. */

function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

export interface GuardOptions {
  root: string;
  /** The folder of labs (QC_LABS_DIR), absolute. */
  labsDir: string;
}

/** The plugin; `labTarget` (lab-target.ts) is folded in, so the order of the two cannot matter. */
export function labGuard({ root, labsDir }: GuardOptions): Plugin {
  const resultsFile = process.env[RESULTS_ENV];
  const record: typeof recordResult = (r) => recordResult(r, resultsFile);
  const noted = new Set<string>();

  const refuse = (lab: LabModule, importer: string, source: string, reason: string): never => {
    record({ type: 'refused', lab: lab.lab, importer: posix(relative(root, importer)), source, reason });
    const error = new Error(refusalMessage(source, reason));
    error.name = 'RefusedImport';
    throw error;
  };

  return {
    name: 'queues-and-caches:lab-guard',
    enforce: 'pre',

    async resolveId(source, importer, options) {
      if (!importer) return null;
      const from = stripQuery(importer);
      const lab = labOf(from, labsDir);
      if (!lab) return null;
      // The tests' import of the lab itself.
      if (basename(from) === testFileName(lab.lab) && dirname(from) === lab.dir) {
        if (!new RegExp(`^\\./${lab.lab.replace(/[-]/g, '\\-')}(\\.ts|\\.js)?$`).test(source)) return null;
        const target = process.env[LAB_TARGET_ENV];
        const redirected = targetFile(target, lab.dir, lab.lab);
        if (redirected) return redirected;
        const ts = join(lab.dir, studentFileName(lab.lab));
        const js = ts.replace(/\.ts$/, '.js');
        if (existsSync(js) && !noted.has(js)) {
          noted.add(js);
          record({
            type: 'note',
            lab: lab.lab,
            message: `${posix(relative(root, js))} is ignored: the grader loads ${posix(relative(root, ts))} (delete the .js file, or stop the compiler that writes it)`,
          });
        }
        return ts;
      }
      const code = isLabCode(from, labsDir);
      if (!code) return null;
      if (source.startsWith(REFUSED_PREFIX)) {
        const original = decodeURIComponent(source.slice(REFUSED_PREFIX.length));
        return refuse(code, from, original, refusal(original, code, labsDir, root, undefined) ?? 'not allowed');
      }
      const resolved = source.startsWith('.') || isAbsolute(source) ? resolveLabImport(source, from) : undefined;
      const why = refusal(source, code, labsDir, root, resolved);
      if (why) return refuse(code, from, source, why);
      void options;
      return resolved ?? null;
    },

    transform: {
      order: 'pre',
      handler(source, id) {
        const file = stripQuery(id);
        if (!isAbsolute(file) || file.includes(`${sep}node_modules${sep}`) || !existsSync(file)) return null;
        const lab = isLabCode(file, labsDir);
        record({ type: 'loaded', file: posix(relative(root, file)), sha256: sha256(source), student: !!lab });
        // When the student's code is graded nothing may load a lab's answers, however it was reached.
        const owner = labOf(file, labsDir);
        const target = process.env[LAB_TARGET_ENV];
        if (owner && !lab && (!target || target === 'student') && relative(owner.dir, file).split(sep)[0] === '.meta') {
          refuse(owner, file, `./${posix(relative(owner.dir, file))}`, "the course's answer");
        }
        if (lab && INTERNAL_NAMES.test(source)) {
          const name = INTERNAL_NAMES.exec(source)![0];
          refuse(lab, file, name, "one of the test runner's internal names, which lab code may not use");
        }
        return null;
      },
    },
  };
}

/**
 * The second half of the guard, after TypeScript is compiled away: every import of lab code is checked
 * (static ones here; a run-time `import()` through the sandbox's check), and the prelude goes in front.
 */
export function labSandbox({ root, labsDir }: GuardOptions): Plugin {
  const guard = labGuard({ root, labsDir });
  const resolveId = guard.resolveId as (this: unknown, source: string, importer: string, options: object) => Promise<unknown>;
  return {
    name: 'queues-and-caches:lab-sandbox',
    enforce: 'post',
    async transform(code, id) {
      const file = stripQuery(id);
      const lab = isLabCode(file, labsDir);
      if (!lab) return null;
      // Vite is loaded here, in the process that owns Vitest (where it is loaded already), and not at
      // the top: the grader's CLI imports this module for refusalMessage, and Vite through tsx's loader
      // costs it more than a second before the tests can start.
      const { parseAst } = await import('vite');
      let ast;
      try {
        ast = parseAst(code);
      } catch {
        return null; // Vite reports the syntax error itself.
      }
      const edits: { at: number; text: string }[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          node.forEach(visit);
          return;
        }
        const n = node as { type?: string; source?: { type: string; value?: unknown; start: number; end: number } };
        if (n.type === 'ImportExpression' && n.source) {
          if (n.source.type === 'Literal' && typeof n.source.value === 'string') staticSources.push(n.source.value);
          edits.push({ at: n.source.start, text: `${SANDBOX_GLOBAL}.check(` });
          edits.push({ at: n.source.end, text: `, ${JSON.stringify(lab.dir)}, ${JSON.stringify(dirname(file))})` });
        }
        for (const [key, value] of Object.entries(node)) if (key !== 'source' || n.type === 'ImportExpression') visit(value);
      };
      const staticSources: string[] = [];
      for (const statement of ast.body) {
        const s = statement as { type: string; source?: { value?: unknown } | null };
        if ((s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportAllDeclaration') && typeof s.source?.value === 'string') {
          staticSources.push(s.source.value);
        }
      }
      visit(ast.body);
      for (const source of staticSources) await resolveId.call(this, source, file, {});
      edits.sort((a, b) => b.at - a.at);
      let out = code;
      for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
      return { code: SANDBOX_PRELUDE + out, map: null };
    },
  };
}
