import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mistakesTarget, parseMistakes, targetFile } from './lab-target';

const labs = join('/course', 'labs');

describe('targetFile', () => {
  it('points the student import at the reference, or at one named mistake', () => {
    expect(targetFile('reference', join(labs, 'a'), 'a')).toBe(join(labs, 'a', '.meta', 'solution.ts'));
    expect(targetFile('mistake:a/off-by-one', join(labs, 'a'), 'a')).toBe(join(labs, 'a', '.meta', 'mistakes', 'off-by-one.ts'));
    expect(targetFile('mistake:a/off-by-one', join(labs, 'b'), 'b')).toBeUndefined();
    expect(targetFile('student', join(labs, 'a'), 'a')).toBeUndefined();
    expect(targetFile(undefined, join(labs, 'a'), 'a')).toBeUndefined();
  });

  it('gives each lab its own mistake when several are listed, and other labs their student file', () => {
    const target = mistakesTarget([
      { lab: 'a', name: 'off-by-one' },
      { lab: 'b', name: 'no-validation' },
    ]);
    expect(target).toBe('mistake:a/off-by-one,mistake:b/no-validation');
    expect(targetFile(target, join(labs, 'a'), 'a')).toBe(join(labs, 'a', '.meta', 'mistakes', 'off-by-one.ts'));
    expect(targetFile(target, join(labs, 'b'), 'b')).toBe(join(labs, 'b', '.meta', 'mistakes', 'no-validation.ts'));
    expect(targetFile(target, join(labs, 'c'), 'c')).toBeUndefined();
  });

  it('refuses a malformed target, and two mistakes of one lab', () => {
    expect(() => targetFile('mistake:a', join(labs, 'a'), 'a')).toThrow(/QC_LAB_TARGET/);
    expect(() => targetFile('mistake:a/x,reference', join(labs, 'a'), 'a')).toThrow(/QC_LAB_TARGET/);
    expect(() => parseMistakes('mistake:a/x,mistake:a/y')).toThrow(/two mistakes of lab a/);
  });
});
