/**
 * The maintainer tools: the layout check refuses what it should, sync:lab keeps what it should, and
 * new:lab writes a lab that passes its proofs at once (graded here against its reference, its starter
 * and its one known mistake) and that the layout check accepts once its hints are written.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeLabs } from '../grader/grade';
import { loadLabs } from '../labs/catalog';
import { checkLayout } from './check-layout';
import { addLabToLesson, newLab } from './new-lab';
import { syncTests, TODO_HINTS } from './sync-lab';

const root = join(import.meta.dirname, '..', '..');
const hints = { question: 'Q?', idea: 'I.', section: 's' };

describe('syncTests', () => {
  const current = [
    { name: 'a > one', points: 2, hints },
    { name: 'a > two', points: 3, hints },
  ];

  it('keeps points and hints of tests that still exist, in the test file order', () => {
    const result = syncTests(current, ['a > two', 'a > one']);
    expect(result.tests).toEqual([current[1], current[0]]);
    expect(result).toMatchObject({ added: [], removed: [], reordered: true });
  });

  it('stubs a new test with 1 point and TODO hints, and drops a removed one', () => {
    const result = syncTests(current, ['a > one', 'a > three']);
    expect(result.tests).toEqual([current[0], { name: 'a > three', points: 1, hints: TODO_HINTS }]);
    expect(result).toMatchObject({ added: ['a > three'], removed: ['a > two'], reordered: false });
  });

  it('changes nothing when lab.json is in step', () => {
    expect(syncTests(current, ['a > one', 'a > two'])).toMatchObject({ tests: current, added: [], removed: [], reordered: false });
  });
});

describe('addLabToLesson', () => {
  const lesson = "---\ntitle: T\nlabs: [old]\n---\nimport { Source } from '~/components/authoring';\n\nText.\n\n## Sources\n\n- a\n";

  it('lists the lab, imports Lab and adds the section before the sources', () => {
    const out = addLabToLesson(lesson, 'new-lab', 'New lab');
    expect(out).toContain('labs: [old, new-lab]');
    expect(out).toContain("import { Lab, Source } from '~/components/authoring';");
    expect(out).toMatch(/## Lab: New lab\n\n<Lab id="new-lab" \/>\n\n## Sources/);
  });

  it('is idempotent', () => {
    const once = addLabToLesson(lesson, 'new-lab', 'New lab');
    expect(addLabToLesson(once, 'new-lab', 'New lab')).toBe(once);
  });

  it('adds a labs list and an import where there are none', () => {
    const out = addLabToLesson('---\ntitle: T\n---\nText.\n', 'x', 'X');
    expect(out).toBe("---\ntitle: T\nlabs: [x]\n---\nimport { Lab } from '~/components/authoring';\nText.\n\n## Lab: X\n\n<Lab id=\"x\" />\n");
  });
});

describe('a course folder built in a temporary directory', () => {
  let dir: string;
  const labsDir = () => join(dir, 'labs');

  beforeEach(() => {
    // A copy of the course's Module 16 labs and lessons, which the check accepts as they are.
    dir = mkdtempSync(join(root, 'tests', 'grader', 'tmp-dev-'));
    cpSync(join(root, 'labs'), labsDir(), { recursive: true });
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'src', 'labkit'), join(dir, 'src', 'labkit'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the layout check as committed', () => {
    expect(checkLayout(dir)).toEqual([]);
  });

  it('refuses a stray file in .meta/, a lab without known mistakes, and an unlisted folder', () => {
    writeFileSync(join(labsDir(), 'littles-law', '.meta', 'notes.txt'), 'x');
    rmSync(join(labsDir(), 'consumer-lag', '.meta', 'mistakes'), { recursive: true });
    mkdirSync(join(labsDir(), 'orphan'));
    expect(checkLayout(dir)).toEqual([
      'labs/orphan/ is not listed in labs/labs.json: add it there, or remove the folder',
      'labs/littles-law/.meta/notes.txt is a stray file: the layout (src/labs/layout.ts) has no place for it',
      'labs/consumer-lag/.meta/mistakes/ has no known mistakes: add at least one classic wrong answer the tests must catch',
    ]);
  });

  it('refuses a lesson whose front matter, <Lab> tags and the lab\'s lesson field disagree', () => {
    const file = join(dir, 'content', 'module-16', 'hockey-stick.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('labs: [queue-models]', 'labs: [queue-models, littles-law]'));
    const problems = checkLayout(dir);
    expect(problems).toContain('content/module-16/hockey-stick.mdx lists lab "littles-law" in its front matter but has no <Lab id="littles-law" /> tag');
    expect(problems).toContain('content/module-16/hockey-stick.mdx embeds lab "littles-law", but labs/littles-law/lab.json says its lesson is "module-16/littles-law"');
  });

  it('new:lab writes a lab whose proofs hold at once, and which the layout check accepts once its hints are written', async () => {
    const written = newLab(dir, { id: 'toy-lab', lesson: 'module-17/toy', title: 'A toy' });
    expect(written).toEqual([
      'labs/toy-lab/toy-lab.ts',
      'labs/toy-lab/toy-lab.test.ts',
      'labs/toy-lab/lab.json',
      'labs/toy-lab/brief.md',
      'src/models/module-17/toy-lab/toy-lab.ts',
      'labs/toy-lab/.meta/solution.ts',
      'labs/toy-lab/.meta/mistakes/no-validation.ts',
      'labs/labs.json',
      'content/module-17/toy.mdx',
    ]);
    // Without --after, the lab goes right after the last lab of its module (module 17), before the case studies.
    const order: string[] = JSON.parse(readFileSync(join(labsDir(), 'labs.json'), 'utf8')).labs;
    const module17 = order.filter((id) => id !== 'toy-lab' && JSON.parse(readFileSync(join(labsDir(), id, 'lab.json'), 'utf8')).lesson.startsWith('module-17/'));
    expect(order.indexOf('toy-lab')).toBe(module17.length > 0 ? order.indexOf(module17.at(-1)!) + 1 : order.length - 1);
    expect(() => newLab(dir, { id: 'toy-lab', lesson: 'module-17/toy' })).toThrow(/already exists/);

    // The scaffold's TODOs are refused until an author replaces them.
    expect(checkLayout(dir)).toEqual([
      'labs/toy-lab/lab.json: "toyLabExample > doubles a whole number (21 → 42)" still has TODO hints: write its question, idea and lesson section',
      'labs/toy-lab/lab.json: "toyLabExample > throws a RangeError naming n for NaN" still has TODO hints: write its question, idea and lesson section',
      'labs/toy-lab/toy-lab.ts still has a TODO(author) marker from the scaffold',
      'labs/toy-lab/brief.md still has a TODO(author) marker from the scaffold',
      'content/module-17/toy.mdx still has a TODO(author) marker from the scaffold',
    ]);

    // The proofs: the reference passes every test, the starter fails every one, the mistake fails one.
    // The model and the test helpers sit under the temporary folder's src/, where the lab imports them.
    const labs = loadLabs(labsDir()).filter((lab) => lab.id === 'toy-lab');
    const grade = async (target: string) => {
      const [lab] = await gradeLabs(labs, { root, labsDir: labsDir(), target });
      return lab!.tests.map((t) => `${t.status}${t.status === 'error' ? `: ${t.message}` : ''}`);
    };
    expect(await grade('reference')).toEqual(['passed', 'passed']);
    expect(await grade('student')).not.toContain('passed');
    expect(await grade('mistake:toy-lab/no-validation')).toEqual(['passed', 'failed']);

    // An author writes the hints and replaces the markers: the check accepts the lab.
    const metaFile = join(labsDir(), 'toy-lab', 'lab.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { tests: { hints: unknown }[] };
    for (const test of meta.tests) test.hints = { question: 'What is twice 21?', idea: 'Multiply by two.', section: 'the-first-idea' };
    writeFileSync(metaFile, JSON.stringify(meta));
    for (const file of ['labs/toy-lab/toy-lab.ts', 'labs/toy-lab/brief.md', 'content/module-17/toy.mdx']) {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('TODO(author)', 'Written'));
    }
    expect(checkLayout(dir)).toEqual([]);
  }, 60_000);
});
