/**
 * The layout check (in `npm test`): the shape of the labs and the lessons that embed them, before any
 * test runs. It refuses
 *   - a lab folder that labs/labs.json does not list, or a listed lab without its folder;
 *   - a lab without every input its proofs need: starter, tests, lab.json, brief, reference solution,
 *     and at least one known mistake;
 *   - a stray file: anything in a lab's folder or its .meta/ that the layout (src/labs/layout.ts) has
 *     no place for;
 *   - a lab.json whose "$schema" is not the course's schema, or that still has TODO hints, and a
 *     lab file or lesson that still holds a scaffold's TODO(author) marker;
 *   - a lesson whose front-matter `labs`, its `<Lab id>` tags and the labs' `lesson` fields disagree.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pc from 'picocolors';
import { parse as parseYaml } from 'yaml';
import { CatalogError, loadLabs, type Lab } from '../labs/catalog';
import { BRIEF_FILE_NAME, COURSE_FILE, LAB_SCHEMA_FILE, LABS_DIR, META, META_FILE_NAME, studentFileName, testFileName } from '../labs/layout';
import { LAB_SCHEMA_REF } from './build-lab-schema';
import { isMain, root as projectRoot } from './generated';
import { isTodoHint } from './sync-lab';

/** What a scaffold marks as the author's to write (students' own "// TODO:" markers are fine). */
export const AUTHOR_TODO = 'TODO(author)';

/** Where the lessons live, from the project root. */
export const CONTENT_DIR = 'content';

export interface Lesson {
  /** The lesson's path under content/, without extension: what a lab's `lesson` field names. */
  path: string;
  file: string;
  /** The front matter's `labs`. */
  labs: string[];
  /** The ids of the `<Lab id="…" />` tags in its body. */
  tags: string[];
}

/** A lesson whose front matter cannot be read. */
export class LessonError extends Error {
  override name = 'LessonError';
}

const LAB_TAG = /<Lab\s+id=["']([^"']+)["']/g;

/** Reads a lesson's front-matter `labs` and its `<Lab id>` tags. */
export function readLesson(contentDir: string, file: string): Lesson {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  let data: { labs?: unknown } | null;
  try {
    data = (front ? parseYaml(front[1]!) : {}) as { labs?: unknown } | null;
  } catch (error) {
    throw new LessonError(`${file}: its front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const labs = Array.isArray(data?.labs) ? data.labs.map(String) : [];
  const body = front ? text.slice(front[0].length) : text;
  return {
    path: relative(contentDir, file).split('\\').join('/').replace(/\.mdx?$/, ''),
    file,
    labs,
    tags: [...body.matchAll(LAB_TAG)].map((m) => m[1]!),
  };
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function lessonFiles(contentDir: string): string[] {
  const walk = (dir: string): string[] =>
    filesIn(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.mdx?$/.test(name) && !name.startsWith('_') ? [path] : [];
    });
  return walk(contentDir);
}

/** The lessons, and the problems of those that cannot be read. */
function readLessons(contentDir: string, root: string): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const lesson of lessonFiles(contentDir)) {
    try {
      lessons.push(readLesson(contentDir, lesson));
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      problems.push(error.message.replace(`${root}/`, ''));
    }
  }
  return { lessons, problems };
}

/** The stray files of one lab (paths relative to `root`). */
function strayFiles(lab: Lab, root: string): string[] {
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  const top = new Set([studentFileName(lab.id), testFileName(lab.id), META_FILE_NAME, BRIEF_FILE_NAME, META.dir]);
  const stray = filesIn(lab.dir).filter((name) => !top.has(name)).map((name) => rel(join(lab.dir, name)));
  const metaTop = new Set(['solution.ts', 'mistakes', 'support', 'equivalent-mutants.json']);
  stray.push(...filesIn(lab.metaDir).filter((name) => !metaTop.has(name)).map((name) => rel(join(lab.metaDir, name))));
  for (const dir of [lab.mistakesDir, lab.supportDir]) {
    stray.push(...filesIn(dir).filter((name) => !name.endsWith('.ts') || statSync(join(dir, name)).isDirectory()).map((name) => rel(join(dir, name))));
  }
  return stray;
}

/** Every problem with the layout of the labs in `labsDir` and the lessons in `contentDir`. */
export function checkLayout(root: string, labsDir = join(root, LABS_DIR), contentDir = join(root, CONTENT_DIR)): string[] {
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  let labs: Lab[];
  try {
    labs = loadLabs(labsDir);
  } catch (error) {
    if (error instanceof CatalogError) return error.message.split('\n').map((line) => line.replace(`${root}/`, ''));
    throw error;
  }
  const problems: string[] = [];
  const listed = new Set(labs.map((lab) => lab.id));
  const allowedTop = new Set([COURSE_FILE, LAB_SCHEMA_FILE]);
  for (const name of filesIn(labsDir)) {
    const path = join(labsDir, name);
    if (statSync(path).isDirectory()) {
      if (!listed.has(name)) problems.push(`${rel(path)}/ is not listed in ${rel(join(labsDir, COURSE_FILE))}: add it there, or remove the folder`);
    } else if (!allowedTop.has(name)) problems.push(`${rel(path)} is a stray file: ${rel(labsDir)}/ holds only ${[...allowedTop].join(', ')} and one folder per lab`);
  }

  for (const lab of labs) {
    for (const [file, what] of [
      [lab.studentFile, 'the starter'],
      [lab.solutionFile, 'the reference solution'],
    ] as const) {
      if (!existsSync(file)) problems.push(`${rel(file)} is missing: ${lab.id} needs ${what} for its proofs`);
    }
    const mistakes = filesIn(lab.mistakesDir).filter((name) => name.endsWith('.ts'));
    if (!mistakes.length) problems.push(`${rel(lab.mistakesDir)}/ has no known mistakes: add at least one classic wrong answer the tests must catch`);
    for (const file of strayFiles(lab, root)) problems.push(`${file} is a stray file: the layout (src/labs/layout.ts) has no place for it`);

    const raw = JSON.parse(readFileSync(lab.metaFile, 'utf8')) as { $schema?: string };
    if (raw.$schema !== LAB_SCHEMA_REF) problems.push(`${rel(lab.metaFile)}: "$schema" should be "${LAB_SCHEMA_REF}" (it is ${raw.$schema === undefined ? 'missing' : `"${raw.$schema}"`})`);
    for (const test of lab.tests.filter((t) => isTodoHint(t.hints))) {
      problems.push(`${rel(lab.metaFile)}: "${test.name}" still has TODO hints: write its question, idea and lesson section`);
    }
    for (const file of [lab.studentFile, lab.testFile, lab.briefFile, lab.solutionFile]) {
      if (existsSync(file) && readFileSync(file, 'utf8').includes(AUTHOR_TODO)) problems.push(`${rel(file)} still has a ${AUTHOR_TODO} marker from the scaffold`);
    }
  }

  const { lessons, problems: unreadable } = readLessons(contentDir, root);
  problems.push(...unreadable);
  const byPath = new Map(lessons.map((lesson) => [lesson.path, lesson]));
  for (const lesson of lessons) {
    const where = rel(lesson.file);
    if (readFileSync(lesson.file, 'utf8').includes(AUTHOR_TODO)) problems.push(`${where} still has a ${AUTHOR_TODO} marker from the scaffold`);
    const front = new Set(lesson.labs);
    const tags = new Set(lesson.tags);
    for (const id of front) if (!tags.has(id)) problems.push(`${where} lists lab "${id}" in its front matter but has no <Lab id="${id}" /> tag`);
    for (const id of tags) if (!front.has(id)) problems.push(`${where} embeds <Lab id="${id}" /> but its front matter's labs do not list it`);
    for (const id of new Set([...front, ...tags])) {
      const lab = labs.find((l) => l.id === id);
      if (!lab) problems.push(`${where} names lab "${id}", which ${rel(join(labsDir, COURSE_FILE))} does not list`);
      else if (lab.lesson !== lesson.path) problems.push(`${where} embeds lab "${id}", but ${rel(lab.metaFile)} says its lesson is "${lab.lesson}"`);
    }
  }
  for (const lab of labs) {
    const lesson = byPath.get(lab.lesson);
    if (!lesson) problems.push(`${rel(lab.metaFile)}: its lesson "${lab.lesson}" is not a file under ${rel(contentDir)}/ (${lab.lesson}.mdx)`);
    else if (!lesson.labs.includes(lab.id) && !lesson.tags.includes(lab.id)) {
      problems.push(`${rel(lab.metaFile)} says its lesson is "${lab.lesson}", but that lesson neither lists nor embeds it`);
    }
  }
  return problems;
}

if (isMain(import.meta.url)) {
  const problems = checkLayout(projectRoot);
  if (problems.length) {
    process.stderr.write(`${pc.red('✗')} the course's layout has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${pc.green('✓')} layout: labs, their .meta/ folders and the lessons that embed them agree\n`);
}
