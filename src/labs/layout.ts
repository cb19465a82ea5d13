/**
 * Where every part of a lab lives: the one place that spells out the layout
 *
 *   labs/labs.json                   the labs, in course order
 *   labs/lab.schema.json             JSON Schema of lab.json (generated from schema.ts)
 *   labs/<id>/<id>.ts                the student's file (the starter)
 *   labs/<id>/<id>.test.ts           the autograder
 *   labs/<id>/lab.json               title, lesson, time budget, points and hints per test
 *   labs/<id>/brief.md               the instructions the lesson shows
 *   labs/<id>/.meta/solution.ts      the reference solution
 *   labs/<id>/.meta/mistakes/*.ts    classic wrong answers the tests must catch
 *   labs/<id>/.meta/support/*.ts     code the mistakes share (a hookable variant of the solution)
 *   labs/<id>/.meta/equivalent-mutants.json   surviving Stryker mutants that are equivalent, with reasons
 *
 * Every tool (catalog, site, grader, proofs, mutation testing, scaffolding, layout check) asks this
 * module, so the layout can change in one place. No Node imports: the site's build uses it too.
 */

/** The course's list of labs, in the labs folder. */
export const COURSE_FILE = 'labs.json';
/** The JSON Schema of lab.json, in the labs folder. */
export const LAB_SCHEMA_FILE = 'lab.schema.json';
/** The labs folder, from the project root. */
export const LABS_DIR = 'labs';

/** The parts of a lab's `.meta/` folder, relative to the lab's folder. */
export const META = {
  dir: '.meta',
  solution: '.meta/solution.ts',
  mistakes: '.meta/mistakes',
  support: '.meta/support',
  equivalentMutants: '.meta/equivalent-mutants.json',
} as const;

/** The student's file name for lab `id`. */
export const studentFileName = (id: string): string => `${id}.ts`;
/** The autograder's file name for lab `id`. */
export const testFileName = (id: string): string => `${id}.test.ts`;
/** lab.json */
export const META_FILE_NAME = 'lab.json';
/** brief.md */
export const BRIEF_FILE_NAME = 'brief.md';

export interface LabPaths {
  dir: string;
  /** The student's file: labs/<id>/<id>.ts */
  studentFile: string;
  /** The autograder: labs/<id>/<id>.test.ts */
  testFile: string;
  /** labs/<id>/lab.json */
  metaFile: string;
  /** The instructions the lesson shows: labs/<id>/brief.md */
  briefFile: string;
  /** labs/<id>/.meta */
  metaDir: string;
  /** The reference solution: labs/<id>/.meta/solution.ts */
  solutionFile: string;
  /** labs/<id>/.meta/mistakes */
  mistakesDir: string;
  /** labs/<id>/.meta/support */
  supportDir: string;
  /** labs/<id>/.meta/equivalent-mutants.json */
  equivalentMutantsFile: string;
}

const posixJoin = (...parts: string[]): string => parts.join('/').replace(/\/+/g, '/');

/**
 * The paths of lab `id`'s parts under `labsDir`, joined with `join` (Node's `path.join` on disk;
 * plain `/` for the site's module paths, the default).
 */
export function labPaths(labsDir: string, id: string, join: (...parts: string[]) => string = posixJoin): LabPaths {
  const dir = join(labsDir, id);
  return {
    dir,
    studentFile: join(dir, studentFileName(id)),
    testFile: join(dir, testFileName(id)),
    metaFile: join(dir, META_FILE_NAME),
    briefFile: join(dir, BRIEF_FILE_NAME),
    metaDir: join(dir, META.dir),
    solutionFile: join(dir, META.solution),
    mistakesDir: join(dir, META.mistakes),
    supportDir: join(dir, META.support),
    equivalentMutantsFile: join(dir, META.equivalentMutants),
  };
}

/** The file of the known mistake `name` of a lab. */
export const mistakeFile = (paths: LabPaths, name: string, join: (...parts: string[]) => string = posixJoin): string =>
  join(paths.mistakesDir, `${name}.ts`);

/** What a student who lost their starter should run, from the project root. */
export const restoreStarterCommand = (id: string): string => `git checkout -- ${LABS_DIR}/${id}/${studentFileName(id)}`;
