/**
 * Checks a student edition for what must not be in it, by looking at what is there rather than at
 * what the builder meant to copy:
 *   - no path under src/models/ or a .meta/ folder, nor any page or file of the instructor guide;
 *   - no line of a reference solution or a model (labs/<id>/.meta/**, src/models/**) in any of its
 *     source, data or text files, apart from lines the course ships anyway (the starters' signatures,
 *     the tests, the common helpers);
 *   - no built page that links to the instructor guide or names it, and no search entry for it.
 * The built site's widget bundles are the exception the course makes on purpose: the lessons teach
 * those algorithms openly, and the labs grade writing them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { forbidden, INSTRUCTOR_SECTION, RELOCATED, SITE_DIR } from './layout';

const posix = (path: string): string => path.split(sep).join('/');

function filesUnder(dir: string, skip: (rel: string) => boolean, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = posix(relative(base, path));
    if (skip(rel)) return [];
    return entry.isDirectory() ? filesUnder(path, skip, base) : [path];
  });
}

/** The lines of a source file that say something: long enough, and not a comment, an import or a brace. */
export function significantLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 25 && !/^(\/\/|\/\*|\*|import\b|export \{|export type \{|export \* from|\} from)/.test(line));
}

/** The files that hold answers: reference solutions, their support, and the models (not the shipped helpers). */
export function answerFiles(root: string): string[] {
  const models = filesUnder(join(root, 'src', 'models'), () => false).filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !RELOCATED.some((r) => posix(relative(root, f)).startsWith(r.from)),
  );
  const meta = filesUnder(join(root, 'labs'), () => false).filter((f) => posix(f).includes('/.meta/') && /\.tsx?$/.test(f));
  return [...models, ...meta];
}

/** The course file an edition file (relative, posix) was copied from. */
function courseCopy(rel: string): string {
  for (const { from, to } of RELOCATED) if (rel.startsWith(to)) return from + rel.slice(to.length);
  return rel;
}

export function auditEdition(root: string, edition: string): string[] {
  const problems: string[] = [];
  const all = filesUnder(edition, (rel) => rel === 'node_modules' || rel.startsWith('node_modules/'));
  const rels = all.map((f) => posix(relative(edition, f)));

  for (const rel of rels) {
    if (forbidden(rel)) problems.push(`${rel}: a model or reference-solution path`);
    if (rel.split('/').includes(INSTRUCTOR_SECTION)) problems.push(`${rel}: part of the instructor guide`);
  }

  // Lines of the answers that the edition has no business holding.
  const shipped = new Set(
    all
      .filter((f) => !posix(relative(edition, f)).startsWith(`${SITE_DIR}/`) && /\.(ts|js|mjs|json|md|yml)$/.test(f))
      .map((f) => [f, readFileSync(f, 'utf8')] as const),
  );
  // A line the course ships in a starter, a test or a helper (its signatures and types are the lab's
  // contract), or writes into a lab's hints (lab.json: return shapes, say), is not an answer even if a
  // model has it too — also when the shipped line has more around it (`export function f(…) {` in a
  // helper shows the model's `function f(…) {`).
  // Read from the course's own copy of each file, so that an answer written into the edition's copy is
  // still found.
  const legitimate = [...shipped]
    .map(([file]) => posix(relative(edition, file)))
    .filter((rel) => /\.ts$|(^|\/)lab\.json$/.test(rel))
    .map((rel) => join(root, courseCopy(rel)))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const answers = new Map<string, string>();
  for (const file of answerFiles(root)) {
    for (const line of significantLines(readFileSync(file, 'utf8'))) if (!legitimate.includes(line)) answers.set(line, posix(relative(root, file)));
  }
  for (const [file, text] of shipped) {
    const leaked = [...answers].filter(([line]) => text.includes(line));
    if (leaked.length) problems.push(`${posix(relative(edition, file))} holds ${leaked.length} line(s) of ${[...new Set(leaked.map(([, from]) => from))].join(', ')}, e.g. "${leaked[0]![0]}"`);
  }

  // The built site: no page, link or search entry of the instructor guide.
  const site = join(edition, SITE_DIR);
  for (const file of all.filter((f) => f.startsWith(site) && f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    if (html.includes(`/${INSTRUCTOR_SECTION}/`) || /Instructor guide/i.test(html)) problems.push(`${posix(relative(edition, file))} links to or names the instructor guide`);
  }
  for (const file of all.filter((f) => f.endsWith('.pf_fragment'))) {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    if (text.includes(`"url":"/${INSTRUCTOR_SECTION}/`)) problems.push(`${posix(relative(edition, file))}: a search entry for the instructor guide`);
  }
  return problems;
}
