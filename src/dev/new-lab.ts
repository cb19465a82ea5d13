/**
 * npm run new:lab -- <id> --lesson <module>/<slug> [--title "…"] [--after <lab-id>]
 *
 * Scaffolds a lab in one step, in the course's layout (src/labs/layout.ts):
 *   labs/<id>/<id>.ts, <id>.test.ts, lab.json, brief.md, .meta/solution.ts, .meta/mistakes/<one>.ts;
 *   src/models/<module>/<id>/<id>.ts, the course model the reference solution re-exports;
 *   the lab's entry in labs/labs.json (after --after, else after the last lab of the same module);
 *   the lesson content/<module>/<slug>.mdx: created from a skeleton if it does not exist, and given
 *   the lab in its front matter, the Lab import and a "## Lab: …" section with <Lab id="…" />.
 * The scaffold is a working toy (one function, one test, one known mistake) that passes the lab proofs
 * at once; its hints are TODO stubs, which the layout check refuses until they are written.
 * Nothing that exists is overwritten: an existing lab folder or model file stops the command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { COURSE_FILE, LABS_DIR, labPaths, mistakeFile } from '../labs/layout';
import { courseLabsSchema, labIdSchema } from '../labs/schema';
import { LAB_SCHEMA_REF } from './build-lab-schema';
import { CONTENT_DIR } from './check-layout';
import { isMain, root as projectRoot } from './generated';
import { TODO_HINTS } from './sync-lab';

export interface NewLabOptions {
  id: string;
  /** The lesson's path under content/, without extension: "module-17/cache-patterns". */
  lesson: string;
  title?: string;
  /** Put the lab after this one in labs.json. */
  after?: string;
}

const titleFromId = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The files of a new lab, by path relative to the project root. */
export function labScaffold(options: Required<Pick<NewLabOptions, 'id' | 'lesson' | 'title'>>): Map<string, string> {
  const { id, lesson, title } = options;
  const module = lesson.split('/')[0]!;
  const paths = labPaths(LABS_DIR, id);
  const model = `src/models/${module}/${id}/${id}.ts`;
  const fn = `${camel(id)}Example`;
  const files = new Map<string, string>();
  files.set(
    paths.studentFile,
    `/**
 * Lab: ${title}.
 *
 * Fill in each function below, then run \`npm run grade ${id}\` to see your score.
 * The labs are checked as strict TypeScript (with noUncheckedIndexedAccess: \`array[i]\` may be undefined).
 *
 * Bad input must throw a RangeError whose message names the argument.
 */

/**
 * TODO(author): replace this example with the lab's contract.
 * Twice \`n\`.
 * @param n a finite number
 */
export function ${fn}(n: number): number {
  // TODO: check n, then return twice n.
  throw new Error('not implemented: ${fn}');
}
`,
  );
  files.set(
    paths.testFile,
    `import { describe, it } from 'vitest';
import { expectExactly, expectRangeError } from '../../src/labkit/assertions';
import { ${fn} } from './${id}';

describe('${fn}', () => {
  it('doubles a whole number (21 → 42)', () => {
    expectExactly('${fn}(21)', ${fn}(21), 42);
  });

  it('throws a RangeError naming n for NaN', () => {
    expectRangeError('${fn}(NaN)', () => ${fn}(Number.NaN), 'n');
  });
});
`,
  );
  const test = (name: string) => ({ name: `${fn} > ${name}`, points: 1, hints: { ...TODO_HINTS } });
  files.set(
    paths.metaFile,
    `${JSON.stringify(
      {
        $schema: LAB_SCHEMA_REF,
        id,
        title,
        lesson,
        timeoutMs: 2000,
        tests: [test('doubles a whole number (21 → 42)'), test('throws a RangeError naming n for NaN')],
      },
      null,
      2,
    )}\n`,
  );
  files.set(paths.briefFile, `TODO(author): what the student builds in \`${paths.studentFile}\`, one export at a time, and what bad input must do.\n`);
  files.set(
    model,
    `/**
 * TODO(author): the course model behind the ${id} lab (its reference solution re-exports it) and the
 * lesson's widgets. Pure and deterministic: seeded randomness, injected clocks, no DOM.
 */

/** Twice \`n\`. */
export function ${fn}(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(\`n must be a finite number (got \${n})\`);
  return 2 * n;
}
`,
  );
  files.set(
    paths.solutionFile,
    `// Reference solution of the ${id} lab: the course's own model. \`npm test\` proves that it passes every graded test.
export { ${fn} } from '${relative(dirname(paths.solutionFile), model).split('\\').join('/').replace(/\.ts$/, '')}';
`,
  );
  files.set(
    mistakeFile(paths, 'no-validation'),
    `// Classic mistake: no check of the argument, so NaN comes back as NaN instead of a RangeError.
export * from '../solution';

export function ${fn}(n: number): number {
  return 2 * n;
}
`,
  );
  return files;
}

/** A new lesson with the course's structure, for when --lesson names one that does not exist yet. */
export function lessonSkeleton(title: string, order: number): string {
  return `---
title: ${JSON.stringify(title)}
description: TODO(author) one sentence on what the reader learns.
sidebar:
  order: ${order}
labs: []
---
import { Lab } from '~/components/authoring';

By the end of this lesson you will be able to:

- TODO(author) an objective.

## TODO(author) the first idea

Intuition first, then the formula, then a worked example.

## Check yourself

<details>
<summary>TODO(author) a question</summary>

The answer.

</details>

## Sources

- TODO(author) primary sources: papers, RFCs, official documentation.
`;
}

/** Adds the lab to a lesson: its front matter's labs, the Lab import, and a "## Lab" section. */
export function addLabToLesson(text: string, id: string, title: string): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!front) throw new Error('the lesson has no front matter (--- … ---) to list the lab in');
  let head = front[1]!;
  const list = /^labs:\s*\[(.*)\]\s*$/m.exec(head);
  if (list) {
    const ids = list[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.includes(id)) ids.push(id);
    head = head.replace(list[0], `labs: [${ids.join(', ')}]`);
  } else if (/^labs:/m.test(head)) {
    throw new Error('the front matter\'s labs is not a one-line list like "labs: [a, b]"; add the lab by hand');
  } else head = `${head}\nlabs: [${id}]`;
  let body = text.slice(front[0].length);
  const authoring = /^import \{([^}]*)\} from '~\/components\/authoring';$/m.exec(body);
  if (authoring) {
    const names = authoring[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    if (!names.includes('Lab')) body = body.replace(authoring[0], `import { ${[...names, 'Lab'].sort().join(', ')} } from '~/components/authoring';`);
  } else body = `import { Lab } from '~/components/authoring';\n${body}`;
  if (!new RegExp(`<Lab\\s+id=["']${id}["']`).test(body)) {
    const section = `## Lab: ${title}\n\n<Lab id="${id}" />\n\n`;
    const sources = /^## Sources\b/m.exec(body);
    body = sources ? body.slice(0, sources.index) + section + body.slice(sources.index) : `${body.trimEnd()}\n\n${section.trimEnd()}\n`;
  }
  return `---\n${head}\n---\n${body}`;
}

/** Creates the lab; returns the files written or changed, relative to `root`. */
export function newLab(root: string, options: NewLabOptions): string[] {
  const id = labIdSchema.safeParse(options.id);
  if (!id.success) throw new Error(`"${options.id}" is not a lab id: a lab id is lower-case words joined by hyphens, like "cache-patterns"`);
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(options.lesson)) {
    throw new Error(`--lesson must be <module>/<slug> under ${CONTENT_DIR}/, like "module-17/cache-patterns" (got "${options.lesson}")`);
  }
  const title = options.title?.trim() || titleFromId(options.id);
  const courseFile = join(root, LABS_DIR, COURSE_FILE);
  const course = courseLabsSchema.parse(JSON.parse(readFileSync(courseFile, 'utf8')));
  if (course.labs.includes(options.id) || existsSync(join(root, LABS_DIR, options.id))) {
    throw new Error(`a lab "${options.id}" already exists (labs/${options.id}/ or its entry in labs/${COURSE_FILE})`);
  }
  if (options.after && !course.labs.includes(options.after)) {
    throw new Error(`--after: no lab named "${options.after}". The labs are: ${course.labs.join(', ')}`);
  }
  const files = labScaffold({ id: options.id, lesson: options.lesson, title });
  for (const path of files.keys()) if (existsSync(join(root, path))) throw new Error(`${path} already exists; not overwriting it`);

  const module = options.lesson.split('/')[0]!;
  const lessonOf = (lab: string): string | undefined => {
    try {
      return (JSON.parse(readFileSync(labPaths(join(root, LABS_DIR), lab, join).metaFile, 'utf8')) as { lesson?: string }).lesson;
    } catch {
      return undefined;
    }
  };
  const sameModule = course.labs.filter((lab) => lessonOf(lab)?.startsWith(`${module}/`));
  const after = options.after ?? sameModule.at(-1);
  const position = after ? course.labs.indexOf(after) + 1 : course.labs.length;
  const labs = [...course.labs.slice(0, position), options.id, ...course.labs.slice(position)];

  const written: string[] = [];
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    written.push(path);
  }
  const raw = JSON.parse(readFileSync(courseFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(courseFile, `${JSON.stringify({ ...raw, labs }, null, 2)}\n`);
  written.push(relative(root, courseFile));

  const lessonFile = join(root, CONTENT_DIR, `${options.lesson}.mdx`);
  if (!existsSync(lessonFile)) {
    mkdirSync(dirname(lessonFile), { recursive: true });
    writeFileSync(lessonFile, lessonSkeleton(title, 99));
  }
  writeFileSync(lessonFile, addLabToLesson(readFileSync(lessonFile, 'utf8'), options.id, title));
  written.push(relative(root, lessonFile));
  return written.map((p) => p.split('\\').join('/'));
}

if (isMain(import.meta.url)) {
  const usage = 'Usage: npm run new:lab -- <lab-id> --lesson <module>/<slug> [--title "…"] [--after <lab-id>]';
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { lesson: { type: 'string' }, title: { type: 'string' }, after: { type: 'string' } },
    });
    if (positionals.length !== 1 || !values.lesson) throw new Error(`give one lab id and its lesson.\n${usage}`);
    const written = newLab(projectRoot, { id: positionals[0]!, lesson: values.lesson, ...(values.title ? { title: values.title } : {}), ...(values.after ? { after: values.after } : {}) });
    process.stdout.write(`${pc.green('✓')} new lab ${positionals[0]}:\n${written.map((p) => `    ${p}`).join('\n')}\n`);
    process.stdout.write(
      `Next: write the contract, the tests and the model; keep lab.json in step with \`npm run sync:lab -- ${positionals[0]}\`,\n` +
        'write each test\'s points and hints, then `npm run build:manifest && npm run build:classroom` and `npm run test:labs`.\n' +
        'docs/authoring.md walks through it.\n',
    );
  } catch (error) {
    process.stderr.write(`new:lab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
