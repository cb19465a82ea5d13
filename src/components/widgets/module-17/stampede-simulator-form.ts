/**
 * Reads the stampede simulator's form: text and a choice in, settings or a message per bad field out.
 * The limits keep every run quick in the reader's browser (the simulator runs seven strategies on every
 * change) and every value inside what the model accepts, so the widget never shows NaN.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import { simulatedSeconds } from '../../../models/module-17/stampede-simulator/simulator';
import { DEFAULT_STAMPEDE, STAMPEDE_STRATEGIES, type StampedeSettings, type StampedeStrategy } from './stampede-simulator';

export type StampedeNumberField = 'clients' | 'requestRate' | 'ttl' | 'recomputeTime' | 'beta';
export type StampedeField = StampedeNumberField | 'strategy';

/** The form as typed. */
export type StampedeFormInput = Record<StampedeField, string>;

export type StampedeFormResult = { ok: true; settings: StampedeSettings } | { ok: false; errors: Partial<Record<StampedeField, string>> };

export const LIMITS = {
  clients: { min: 1, max: 1000 },
  requestRate: { min: 0.1, max: 10_000 },
  ttl: { min: 0.1, max: 3600 },
  recomputeTime: { min: 0.001, max: 60 },
  beta: { min: 0.1, max: 10 },
} as const;

/** The most requests one run may simulate: rate × 3·(TTL + recompute time). */
export const MAX_REQUESTS = 300_000;

export const DEFAULT_STAMPEDE_FORM: StampedeFormInput = {
  clients: String(DEFAULT_STAMPEDE.clients),
  requestRate: String(DEFAULT_STAMPEDE.requestRate),
  ttl: String(DEFAULT_STAMPEDE.ttl),
  recomputeTime: String(DEFAULT_STAMPEDE.recomputeTime),
  beta: String(DEFAULT_STAMPEDE.beta),
  strategy: DEFAULT_STAMPEDE.strategy,
};

const count = new Intl.NumberFormat('en');

function range(label: string, unit: string, { min, max }: { min: number; max: number }): FieldRule {
  return {
    label,
    check: (n) => (n >= min && n <= max ? undefined : `${label} must be from ${count.format(min)} to ${count.format(max)}${unit}.`),
  };
}

const rules: Record<StampedeNumberField, FieldRule> = {
  clients: {
    label: 'Servers',
    check: (n) =>
      Number.isInteger(n) && n >= LIMITS.clients.min && n <= LIMITS.clients.max ? undefined : `Servers must be a whole number from 1 to ${count.format(LIMITS.clients.max)}.`,
  },
  requestRate: range('Request rate', ' per second', LIMITS.requestRate),
  ttl: range('TTL', ' s', LIMITS.ttl),
  recomputeTime: range('Recompute time', ' s', LIMITS.recomputeTime),
  beta: range('β', '', LIMITS.beta),
};

const isStrategy = (s: string): s is StampedeStrategy => STAMPEDE_STRATEGIES.some((x) => x.id === s);

export function readStampedeForm(input: StampedeFormInput): StampedeFormResult {
  const { strategy, ...numbers } = input;
  const parsed = parseFields(rules, numbers, DEFAULT_STAMPEDE_FORM);
  const errors: Partial<Record<StampedeField, string>> = parsed.ok ? {} : { ...parsed.errors };
  if (!isStrategy(strategy)) errors.strategy = 'Choose one of the listed strategies.';
  if (parsed.ok) {
    const { requestRate, ttl, recomputeTime } = parsed.values;
    const requests = requestRate * simulatedSeconds({ ttl, recomputeTime });
    if (requests > MAX_REQUESTS) {
      errors.requestRate = `That is about ${count.format(Math.round(requests))} requests in the ${count.format(simulatedSeconds({ ttl, recomputeTime }))} s simulated; keep rate × 3·(TTL + recompute time) under ${count.format(MAX_REQUESTS)}.`;
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { ...parsed.values, strategy: strategy as StampedeStrategy } };
}
