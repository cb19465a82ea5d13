/**
 * Reads the capacity calculator's form: text fields in, a plan or a message per bad field out.
 * The rules are the model's own (capacity.ts); this only turns text into numbers and the model's
 * RangeErrors into sentences for the field they belong to. Never returns NaN.
 */
import { capacityPlan, type CapacityPlan } from './capacity';

export interface CapacityFormInput {
  /** Requests per second. */
  arrivalRate: string;
  /** Milliseconds per request. */
  serviceTimeMs: string;
  /** Target utilization in percent, e.g. "70". */
  targetPercent: string;
}

export type CapacityField = keyof CapacityFormInput;

export type CapacityFormResult =
  | { ok: true; plan: CapacityPlan }
  | { ok: false; errors: Partial<Record<CapacityField, string>> };

/** The calculator's starting values: the lesson's first worked example. */
export const DEFAULT_CAPACITY_FORM: CapacityFormInput = { arrivalRate: '2000', serviceTimeMs: '50', targetPercent: '70' };

const rules: Record<CapacityField, { label: string; check: (n: number) => string | undefined }> = {
  arrivalRate: {
    label: 'Arrival rate',
    check: (n) => (n < 0 ? 'Arrival rate cannot be negative.' : undefined),
  },
  serviceTimeMs: {
    label: 'Service time',
    check: (n) => (n <= 0 ? 'Service time must be more than 0 ms.' : undefined),
  },
  targetPercent: {
    label: 'Target utilization',
    check: (n) => (n <= 0 || n >= 100 ? 'Target utilization must be between 0 and 100 %, not including either.' : undefined),
  },
};

/** Parses one field: a finite decimal number, or the reason it is not one. */
function parseField(field: CapacityField, text: string): number | string {
  const trimmed = text.trim();
  const { label, check } = rules[field];
  if (trimmed === '') return `${label} is empty: enter a number.`;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return `${label} must be a number, like ${DEFAULT_CAPACITY_FORM[field]}.`;
  return check(n) ?? n;
}

export function readCapacityForm(input: CapacityFormInput): CapacityFormResult {
  const errors: Partial<Record<CapacityField, string>> = {};
  const values: Partial<Record<CapacityField, number>> = {};
  for (const field of Object.keys(rules) as CapacityField[]) {
    const parsed = parseField(field, input[field]);
    if (typeof parsed === 'string') errors[field] = parsed;
    else values[field] = parsed;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const tooLarge = {
    ok: false,
    errors: { arrivalRate: 'These numbers need more servers than can be counted: try a smaller arrival rate or service time.' },
  } as const;
  // Each number can be fine while together they ask for a pool too large to count exactly (or at all).
  if (values.arrivalRate! * values.serviceTimeMs! >= Number.MAX_SAFE_INTEGER) return tooLarge;
  const plan = capacityPlan({
    arrivalRate: values.arrivalRate!,
    serviceTimeMs: values.serviceTimeMs!,
    targetUtilization: values.targetPercent! / 100,
  });
  return Number.isSafeInteger(plan.recommendedServers) ? { ok: true, plan } : tooLarge;
}
