import { describe, expect, it } from 'vitest';
import { extractRegion } from './regions';

describe('extractRegion', () => {
  const code = ['a();', '  // #region inner', '  if (x) {', '    y();', '  }', '  // #endregion', 'z();'].join('\n');

  it('returns the lines between the markers, de-indented', () => {
    expect(extractRegion(code, 'inner')).toBe('if (x) {\n  y();\n}');
  });

  it('skips nested region markers but keeps their lines', () => {
    const nested = '// #region outer\na();\n// #region inner\nb();\n// #endregion\nc();\n// #endregion';
    expect(extractRegion(nested, 'outer')).toBe('a();\nb();\nc();');
  });

  it('says which region is missing', () => {
    expect(() => extractRegion(code, 'nope', 'src/x.ts')).toThrow('src/x.ts has no "// #region nope"');
  });
});
