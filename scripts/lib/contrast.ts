/**
 * WCAG 2 contrast between two colours, as getComputedStyle reports them ("rgb(r, g, b)" or
 * "rgba(r, g, b, a)"; alpha is ignored, so pass opaque colours). Text needs 4.5:1 (1.4.3), lines and
 * other graphics 3:1 (1.4.11).
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Relative luminance of an sRGB colour, 0 (black) to 1 (white), as WCAG 2 defines it. */
export function relativeLuminance(colour: string): number {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(colour.trim());
  if (!match) throw new Error(`cannot read the colour "${colour}": expected rgb(…) as getComputedStyle gives it`);
  const [r, g, b] = match.slice(1, 4).map((v) => {
    const s = Number(v) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
