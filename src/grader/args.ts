/**
 * Help with the grader's command line: the nearest flag to a misspelt one, and flags that npm took
 * for itself (\`npm run grade --hint x\` without \`--\`).
 */
const FLAGS = ['watch', 'hint', 'json', 'junit', 'classroom', 'help', 'labs-dir'] as const;

/** Edit distance counting a swap of two neighbours as one edit (so --jsno is one away from --json). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The flag a misspelt one most likely meant, if one is close enough. */
export function nearestFlag(flag: string): string | undefined {
  const name = flag.replace(/^-+/, '').split('=')[0]!;
  const best = FLAGS.map((f) => ({ f, d: distance(name, f) })).sort((a, b) => a.d - b.d)[0]!;
  return best.d <= Math.max(1, Math.floor(best.f.length / 3)) ? `--${best.f}` : undefined;
}

/**
 * Flags given to npm rather than to the grader: \`npm run grade --hint littles-law\` (without \`--\`)
 * reaches us only as npm's environment variable npm_config_hint. Those we know are honoured.
 */
export function flagsFromNpm(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const flag of ['hint', 'json', 'watch', 'classroom'] as const) if (env[`npm_config_${flag}`] === 'true') out.push(`--${flag}`);
  return out;
}

