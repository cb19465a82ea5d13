/**
 * Reads the capacity calculator's form: text fields in, a plan or a message per bad field out.
 * The rules are the model's own (capacity.ts); this only turns text into numbers and the model's
 * RangeErrors into sentences for the field they belong to. Never returns NaN.
 */
import { capacityPlan, type CapacityPlan } from '../../../models/module-16/littles-law/capacity';
import { parseFields, type FieldRule } from '../../common/form-fields';

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

const rules: Record<CapacityField, FieldRule> = {
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

export function readCapacityForm(input: CapacityFormInput): CapacityFormResult {
  const parsed = parseFields(rules, input, DEFAULT_CAPACITY_FORM);
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  const tooLarge = {
    ok: false,
    errors: { arrivalRate: 'These numbers need more servers than can be counted: try a smaller arrival rate or service time.' },
  } as const;
  // Each number can be fine while together they ask for a pool too large to count exactly (or at all).
  if (values.arrivalRate * values.serviceTimeMs >= Number.MAX_SAFE_INTEGER) return tooLarge;
  const plan = capacityPlan({
    arrivalRate: values.arrivalRate,
    serviceTimeMs: values.serviceTimeMs,
    targetUtilization: values.targetPercent / 100,
  });
  return Number.isSafeInteger(plan.recommendedServers) ? { ok: true, plan } : tooLarge;
}
