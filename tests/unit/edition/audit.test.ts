import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEdition } from '../../../src/edition/audit';

let base: string;
const course = () => join(base, 'course');
const edition = () => join(base, 'edition');
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
};

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'qc-audit-'));
  // The course: a model, a lab's reference solution, and the lab's starter and hints.
  write('course/src/models/x/model.ts', 'function clamp(value: number, low: number): number {\n  return value < low ? low : Math.min(value, low * 1000);\n}\n');
  write('course/labs/x/.meta/solution.ts', "export function answer(load: number): Result {\n  return { kind: 'miss', token: load * 31 + 7 };\n}\n");
  write('course/labs/x/x.ts', "export function answer(load: number): Result {\n  throw new Error('not implemented: answer');\n}\n");
  write('course/src/models/common/guards.ts', 'export function clamp(value: number, low: number): number {\n  return low;\n}\n');
  write('course/labs/x/lab.json', JSON.stringify({ hints: ["then return { kind: 'miss', token: load * 31 + 7 }; from answer"] }));
  // The edition, as the builder would write it: the starter, a shipped helper, the hints.
  write('edition/labs/x/x.ts', "export function answer(load: number): Result {\n  throw new Error('not implemented: answer');\n}\n");
  write('edition/src/labkit/common/guards.ts', 'export function clamp(value: number, low: number): number {\n  return low;\n}\n');
  write('edition/labs/x/lab.json', JSON.stringify({ hints: ["then return { kind: 'miss', token: load * 31 + 7 }; from answer"] }));
  write('edition/labs/x/brief.md', '# Lab x\n\nWrite `answer`.\n');
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('the edition audit', () => {
  it('accepts signatures the course ships in starters and helpers, and hints written for students', () => {
    expect(auditEdition(course(), edition())).toEqual([]);
  });

  it('finds a line of a reference solution pasted into a brief', () => {
    write('edition/labs/x/brief.md', "# Lab x\n\n```ts\nreturn value < low ? low : Math.min(value, low * 1000);\n```\n");
    expect(auditEdition(course(), edition())).toEqual([
      'labs/x/brief.md holds 1 line(s) of src/models/x/model.ts, e.g. "return value < low ? low : Math.min(value, low * 1000);"',
    ]);
  });

  it('finds a line of a reference solution written into the edition\'s copy of a shipped source file', () => {
    write('edition/src/labkit/common/guards.ts', "export function clamp(value: number, low: number): number {\n  return value < low ? low : Math.min(value, low * 1000);\n}\n");
    expect(auditEdition(course(), edition())).toHaveLength(1);
  });

  it('refuses model and .meta paths, and the instructor guide', () => {
    write('edition/src/models/x/model.ts', 'export {};\n');
    write('edition/labs/x/.meta/solution.ts', 'export {};\n');
    write('edition/site/instructors/index.html', '<p>hello</p>');
    const problems = auditEdition(course(), edition());
    expect(problems).toEqual(
      expect.arrayContaining([
        'src/models/x/model.ts: a model or reference-solution path',
        'labs/x/.meta/solution.ts: a model or reference-solution path',
        'site/instructors/index.html: part of the instructor guide',
      ]),
    );
  });
});
