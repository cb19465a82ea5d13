/**
 * The integrity check, on a copy of a small course: intact when nothing changed; modified, naming the
 * file, when a test file, a lab.json or a helper the tests import is edited or deleted; line endings do
 * not count as a change; the student's own file never does.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/labs/catalog';
import { buildManifest } from '../../src/dev/build-manifest';
import { checkIntegrity, checkLoaded, MANIFEST_FILE, mergeIntegrity } from '../../src/grader/integrity';

const fixtures = join(import.meta.dirname, 'fixtures', 'labs');
let root: string;

function course() {
  const labsDir = join(root, 'labs');
  return { labs: loadLabs(labsDir), labsDir };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'qc-integrity-'));
  mkdirSync(join(root, 'labs'));
  cpSync(join(fixtures, 'passing'), join(root, 'labs', 'passing'), { recursive: true });
  writeFileSync(join(root, 'labs', 'labs.json'), JSON.stringify({ labs: ['passing'] }));
  mkdirSync(join(root, 'src', 'grader'), { recursive: true });
  mkdirSync(join(root, 'src', 'labkit'), { recursive: true });
  mkdirSync(join(root, 'src', 'labs'), { recursive: true });
  writeFileSync(join(root, 'src', 'grader', 'runner.ts'), 'export {};\n');
  writeFileSync(join(root, 'src', 'labkit', 'assertions.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'src', 'labs', 'schema.ts'), 'export {};\n');
  writeFileSync(join(root, 'src', 'labs', 'catalog.ts'), 'export {};\n');
  writeFileSync(join(root, 'src', 'labs', 'layout.ts'), 'export {};\n');
  writeFileSync(join(root, 'vitest.config.ts'), 'export default {};\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'package.json'), '{ "scripts": { "grade": "node --import tsx src/grader/cli.ts" } }\n');
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'classroom.yml'), 'name: Autograding Tests\n');
  writeFileSync(join(root, MANIFEST_FILE), JSON.stringify(buildManifest(root)));
  return () => rmSync(root, { recursive: true, force: true });
});

describe('checkIntegrity', () => {
  it('is intact when every grading file matches the manifest', () => {
    const { labs, labsDir } = course();
    expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'intact', changed: [] });
  });

  it.each([
    ['labs/passing/passing.test.ts'],
    ['labs/passing/lab.json'],
    ['labs/labs.json'],
    ['src/labkit/assertions.ts'],
    ['vitest.config.ts'],
    // Unsetting the pinned hash in the grade script, or editing the Classroom workflow.
    ['package.json'],
    ['.github/workflows/classroom.yml'],
  ])('says %s was modified when it is edited', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(root, file), file.endsWith('.json') ? `${text}\n\n` : `${text}\n// changed\n`);
    const { labs, labsDir } = course();
    expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'modified', changed: [file] });
  });

  it('notices a grading file that was deleted', () => {
    rmSync(join(root, 'src', 'grader', 'runner.ts'));
    const { labs, labsDir } = course();
    expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'modified', changed: ['src/grader/runner.ts'] });
  });

  it("ignores the student's own file and CRLF line endings", () => {
    writeFileSync(join(root, 'labs', 'passing', 'passing.ts'), 'export function double(n: number) { return n + n; }\n');
    const test = join(root, 'labs', 'passing', 'passing.test.ts');
    writeFileSync(test, readFileSync(test, 'utf8').replace(/\n/g, '\r\n'));
    const { labs, labsDir } = course();
    expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'intact', changed: [] });
  });

  it('reports the manifest itself as changed when it does not match the pinned hash', () => {
    const { labs, labsDir } = course();
    const verdict = checkIntegrity(root, labs, labsDir);
    process.env.QC_MANIFEST_SHA256 = verdict.manifestSha256;
    try {
      expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'intact', changed: [] });
      process.env.QC_MANIFEST_SHA256 = '0'.repeat(64);
      expect(checkIntegrity(root, labs, labsDir)).toMatchObject({ verdict: 'modified', changed: [MANIFEST_FILE] });
    } finally {
      delete process.env.QC_MANIFEST_SHA256;
    }
  });

  it('compares the modules the workers ran, so a file swapped during a round and put back is still caught', () => {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8')) as { files: Record<string, string> };
    const test = 'labs/passing/passing.test.ts';
    const ran = (sha256: string) => [{ file: test, sha256, student: false }, { file: 'labs/passing/passing.ts', sha256: '0'.repeat(64), student: true }];
    expect(checkLoaded(root, ran(manifest.files[test]!))).toEqual([]);
    expect(checkLoaded(root, ran('f'.repeat(64)))).toEqual([test]);
    const { labs, labsDir } = course();
    expect(mergeIntegrity(checkIntegrity(root, labs, labsDir), checkLoaded(root, ran('f'.repeat(64))))).toMatchObject({ verdict: 'modified', changed: [test] });
  });

  it('cannot vouch for labs outside the course folder', () => {
    expect(checkIntegrity(root, loadLabs(fixtures), fixtures)).toEqual({ verdict: 'unverified', changed: [] });
  });
});
