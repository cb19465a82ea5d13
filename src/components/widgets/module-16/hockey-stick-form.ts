/**
 * Reads the hockey-stick explorer's form: text in, settings or a message per bad field out. The limits
 * keep the page quick (the simulations run in the reader's browser) and keep every value inside what
 * the models accept, so the explorer never shows NaN.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import { DEFAULT_HOCKEY_STICK, type HockeyStickSettings } from './hockey-stick';

export interface HockeyStickFormInput {
  /** c, a whole number of servers. */
  servers: string;
  /** cₐ². */
  arrivalScv: string;
  /** cₛ². */
  serviceScv: string;
  /** ρ in percent, from the slider. */
  utilizationPercent: string;
}

export type HockeyStickField = keyof HockeyStickFormInput;

export type HockeyStickFormResult =
  | { ok: true; settings: HockeyStickSettings }
  | { ok: false; errors: Partial<Record<HockeyStickField, string>> };

/** The most servers the explorer simulates. */
export const MAX_SERVERS = 1000;
/** The largest squared coefficient of variation the explorer accepts. */
export const MAX_SCV = 16;
/**
 * The smallest nonzero one: below 1, times are drawn as sums of about 1/scv exponential phases, and
 * more than ten phases per draw would slow the simulations down for no visible difference.
 */
export const MIN_NONZERO_SCV = 0.1;
/** The slider's range, in percent. */
export const UTILIZATION_PERCENT = { min: 1, max: 99 } as const;

export const DEFAULT_HOCKEY_STICK_FORM: HockeyStickFormInput = {
  servers: String(DEFAULT_HOCKEY_STICK.servers),
  arrivalScv: String(DEFAULT_HOCKEY_STICK.arrivalScv),
  serviceScv: String(DEFAULT_HOCKEY_STICK.serviceScv),
  utilizationPercent: String(Math.round(DEFAULT_HOCKEY_STICK.utilization * 100)),
};

const rules: Record<HockeyStickField, FieldRule> = {
  servers: {
    label: 'Servers',
    check: (n) => (Number.isInteger(n) && n >= 1 && n <= MAX_SERVERS ? undefined : `Servers must be a whole number from 1 to ${MAX_SERVERS}.`),
  },
  arrivalScv: {
    label: 'Arrival variability cₐ²',
    check: (n) => scvMessage('Arrival variability cₐ²', n),
  },
  serviceScv: {
    label: 'Service variability cₛ²',
    check: (n) => scvMessage('Service variability cₛ²', n),
  },
  utilizationPercent: {
    label: 'Utilization',
    check: (n) =>
      n >= UTILIZATION_PERCENT.min && n <= UTILIZATION_PERCENT.max
        ? undefined
        : `Utilization must be from ${UTILIZATION_PERCENT.min} to ${UTILIZATION_PERCENT.max} %.`,
  },
};

function scvMessage(label: string, n: number): string | undefined {
  if (n === 0 || (n >= MIN_NONZERO_SCV && n <= MAX_SCV)) return undefined;
  return `${label} must be 0 (constant times) or from ${MIN_NONZERO_SCV} to ${MAX_SCV}; 1 is exponential.`;
}

export function readHockeyStickForm(input: HockeyStickFormInput): HockeyStickFormResult {
  const parsed = parseFields(rules, input, DEFAULT_HOCKEY_STICK_FORM);
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  return {
    ok: true,
    settings: {
      servers: values.servers,
      arrivalScv: values.arrivalScv,
      serviceScv: values.serviceScv,
      utilization: values.utilizationPercent / 100,
    },
  };
}
