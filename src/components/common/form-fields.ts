/**
 * Reading a widget's number fields: text in, numbers out, or one message per bad field, in words tied
 * to the field. Each form (capacity-form.ts, hockey-stick-form.ts, lag-monitor-form.ts) supplies only
 * its rules; the parsing — empty, not a number, out of range — is the same everywhere.
 */

export interface FieldRule {
  /** The field's name in messages, e.g. "Arrival rate". */
  label: string;
  /** The reason a finite number is not acceptable, or undefined when it is. */
  check: (n: number) => string | undefined;
}

export type FieldsResult<F extends string> =
  | { ok: true; values: Record<F, number> }
  | { ok: false; errors: Partial<Record<F, string>> };

/**
 * Parses every field (so that all the bad ones are reported at once).
 * @param examples a good value per field, quoted in the "must be a number" message
 */
export function parseFields<F extends string>(rules: Record<F, FieldRule>, input: Record<F, string>, examples: Record<F, string>): FieldsResult<F> {
  const errors: Partial<Record<F, string>> = {};
  const values: Partial<Record<F, number>> = {};
  for (const field of Object.keys(rules) as F[]) {
    const { label, check } = rules[field];
    const text = input[field].trim();
    const n = Number(text);
    const error =
      text === '' ? `${label} is empty: enter a number.` : !Number.isFinite(n) ? `${label} must be a number, like ${examples[field]}.` : check(n);
    if (error === undefined) values[field] = n;
    else errors[field] = error;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values: values as Record<F, number> };
}
