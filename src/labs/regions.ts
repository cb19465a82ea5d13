/**
 * Named regions of a source file, marked `// #region <name>` … `// #endregion`, so a lesson can show a
 * few lines of the real code (a model, a test) rather than a pasted copy that drifts.
 */

/** The lines between `// #region name` and its `// #endregion`, de-indented; throws if absent. */
export function extractRegion(code: string, name: string, file = 'the file'): string {
  const lines = code.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  if (start < 0) throw new Error(`${file} has no "// #region ${name}"`);
  let depth = 0;
  let end = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed.startsWith('// #region ')) depth++;
    else if (trimmed.startsWith('// #endregion')) {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
  }
  if (end < 0) throw new Error(`${file}: "// #region ${name}" has no matching "// #endregion"`);
  const body = lines.slice(start + 1, end).filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trim();
}
