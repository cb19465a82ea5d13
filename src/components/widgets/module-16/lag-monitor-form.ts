/**
 * Reads the lag monitor's form: text fields in, a run of the lag model or a message per bad field out.
 * Never returns NaN: every field is checked here, in words tied to the field, before the model runs.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import { simulateLagMonitor, type LagMonitorInput, type LagMonitorRun } from './lag-monitor';

export type LagMonitorField = keyof LagMonitorInput;

/** The form's fields as typed. */
export type LagMonitorFormInput = Record<LagMonitorField, string>;

export type LagMonitorFormResult =
  | { ok: true; input: LagMonitorInput; run: LagMonitorRun }
  | { ok: false; errors: Partial<Record<LagMonitorField, string>> };

/** The largest rate the form accepts, in messages per second. */
export const MAX_RATE = 1_000_000;
/** The most consumers or partitions the form accepts. */
export const MAX_COUNT = 100;

/** Starting points the reader can load with one click; the first is the monitor's default. */
export const LAG_MONITOR_PRESETS: readonly { id: string; label: string; form: LagMonitorFormInput }[] = [
  { id: 'falling-behind', label: 'Falling behind', form: { productionRate: '2500', hotKeyRate: '0', consumerRate: '400', consumers: '8', partitions: '6' } },
  { id: 'keeping-pace', label: 'Keeping pace', form: { productionRate: '2400', hotKeyRate: '0', consumerRate: '400', consumers: '6', partitions: '6' } },
  { id: 'catching-up', label: 'Catching up', form: { productionRate: '2500', hotKeyRate: '0', consumerRate: '400', consumers: '8', partitions: '8' } },
  { id: 'uneven', label: 'Uneven partitions', form: { productionRate: '2500', hotKeyRate: '0', consumerRate: '700', consumers: '4', partitions: '6' } },
  { id: 'hot-key', label: 'Hot key', form: { productionRate: '2400', hotKeyRate: '300', consumerRate: '500', consumers: '6', partitions: '6' } },
];

export const DEFAULT_LAG_MONITOR_FORM: LagMonitorFormInput = LAG_MONITOR_PRESETS[0]!.form;

const count = new Intl.NumberFormat('en');

/** A count: a whole number from 1 to MAX_COUNT. */
const wholeCount = (label: string): FieldRule => ({
  label,
  check: (n) => (Number.isInteger(n) && n >= 1 && n <= MAX_COUNT ? undefined : `${label} must be a whole number from 1 to ${MAX_COUNT}.`),
});

const rules: Record<LagMonitorField, FieldRule> = {
  productionRate: {
    label: 'Production rate',
    check: (n) =>
      n < 0 ? 'Production rate cannot be negative.' : n > MAX_RATE ? `Production rate must be at most ${count.format(MAX_RATE)} messages/s.` : undefined,
  },
  hotKeyRate: {
    label: 'Hot key rate',
    check: (n) =>
      n < 0 ? 'Hot key rate cannot be negative.' : n > MAX_RATE ? `Hot key rate must be at most ${count.format(MAX_RATE)} messages/s.` : undefined,
  },
  consumerRate: {
    label: 'Rate per consumer',
    check: (n) =>
      n <= 0
        ? 'Rate per consumer must be more than 0 messages/s.'
        : n > MAX_RATE
          ? `Rate per consumer must be at most ${count.format(MAX_RATE)} messages/s.`
          : undefined,
  },
  consumers: wholeCount('Consumers'),
  partitions: wholeCount('Partitions'),
};

export function readLagMonitorForm(form: LagMonitorFormInput): LagMonitorFormResult {
  const parsed = parseFields(rules, form, DEFAULT_LAG_MONITOR_FORM);
  if (!parsed.ok) return parsed;
  const input: LagMonitorInput = parsed.values;
  return { ok: true, input, run: simulateLagMonitor(input) };
}
