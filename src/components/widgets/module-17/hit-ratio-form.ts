/**
 * Reads the hit-ratio explorer's form: text in, settings or a message per bad field out. The limits keep
 * the simulations quick in a reader's browser and every value inside what the models accept, so the
 * explorer never shows NaN.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import { MAX_SAMPLES } from '../../../models/module-17/cache-simulator/sampled-lru';
import { POLICY_KINDS, type PolicyKind } from '../../../models/module-17/cache-simulator/simulator';
import { DEFAULT_HIT_RATIO, type HitRatioSettings } from './hit-ratio-explorer';

export interface HitRatioFormInput {
  keys: string;
  capacity: string;
  exponent: string;
  samples: string;
  /** From the select: one of the policy kinds. */
  policy: string;
}

export type HitRatioField = keyof HitRatioFormInput;

export type HitRatioFormResult = { ok: true; settings: HitRatioSettings } | { ok: false; errors: Partial<Record<HitRatioField, string>> };

/** The fewest and the most keys the explorer simulates. */
export const KEYS_RANGE = { min: 10, max: 50_000 } as const;
/** The largest Zipf exponent it accepts. */
export const MAX_EXPONENT = 3;

export const DEFAULT_HIT_RATIO_FORM: HitRatioFormInput = {
  keys: String(DEFAULT_HIT_RATIO.keys),
  capacity: String(DEFAULT_HIT_RATIO.capacity),
  exponent: String(DEFAULT_HIT_RATIO.exponent),
  samples: String(DEFAULT_HIT_RATIO.samples),
  policy: DEFAULT_HIT_RATIO.policy,
};

type NumberField = Exclude<HitRatioField, 'policy'>;

const whole = (label: string, min: number, max: number) => (n: number) =>
  Number.isInteger(n) && n >= min && n <= max ? undefined : `${label} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`;

const rules: Record<NumberField, FieldRule> = {
  keys: { label: 'Keys', check: whole('Keys', KEYS_RANGE.min, KEYS_RANGE.max) },
  capacity: { label: 'Cache size', check: (n) => (Number.isInteger(n) && n >= 1 ? undefined : 'Cache size must be a whole number of keys, at least 1.') },
  exponent: {
    label: 'Zipf exponent',
    check: (n) => (n >= 0 && n <= MAX_EXPONENT ? undefined : `Zipf exponent must be from 0 (all keys equally popular) to ${MAX_EXPONENT}.`),
  },
  samples: { label: 'Samples', check: whole('Samples', 1, MAX_SAMPLES) },
};

export function readHitRatioForm(input: HitRatioFormInput): HitRatioFormResult {
  const { policy, ...numbers } = input;
  const parsed = parseFields(rules, numbers, DEFAULT_HIT_RATIO_FORM);
  const errors: Partial<Record<HitRatioField, string>> = parsed.ok ? {} : { ...parsed.errors };
  if (!POLICY_KINDS.includes(policy as PolicyKind)) errors.policy = `Policy must be one of ${POLICY_KINDS.join(', ')}.`;
  // The cache can hold at most every key: checked once both numbers are good.
  if (parsed.ok && parsed.values.capacity > parsed.values.keys) {
    errors.capacity = `Cache size must be at most the number of keys (${parsed.values.keys.toLocaleString('en')}).`;
  }
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: { ...parsed.values, policy: policy as PolicyKind } };
}
