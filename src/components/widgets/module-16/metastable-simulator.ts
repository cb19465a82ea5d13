/**
 * The retries lesson's metastable-failure simulator: the reader's form in, two runs of the course's
 * simulator out (src/models/module-16/retries/metastable.ts). One run uses the retry policy the reader
 * chose; the other is the same scenario with the retry budget (gRPC's retry throttle) or, when the
 * reader chose the throttle, with the same backoff and no budget — so the picture always shows what the
 * budget changes. Never NaN: every field is checked here, in words tied to the field, before a run.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import {
  DEFAULT_METASTABLE,
  simulateMetastable,
  type MetastableRun,
  type MetastableSettings,
  type RetryMode,
  type Trigger,
} from '../../../models/module-16/retries/metastable';

export type TriggerKind = Trigger['kind'];

/** The form as typed. The two selects hold one of their options' values. */
export interface MetastableFormInput {
  capacity: string;
  offeredLoad: string;
  triggerKind: TriggerKind;
  /** Used when triggerKind is 'spike'. */
  extraLoad: string;
  /** Used when triggerKind is 'slowdown'. */
  capacityLostPercent: string;
  triggerLength: string;
  timeout: string;
  retry: RetryMode;
  maxAttempts: string;
}

/** The number fields (the selects cannot hold a bad value). */
export type MetastableField = 'capacity' | 'offeredLoad' | 'extraLoad' | 'capacityLostPercent' | 'triggerLength' | 'timeout';

export type MetastableFormResult =
  | { ok: true; settings: MetastableSettings }
  | { ok: false; errors: Partial<Record<MetastableField, string>> };

export const LIMITS = {
  capacity: { min: 10, max: 200 },
  offeredLoad: { min: 0, max: 200 },
  extraLoad: { min: 0, max: 400 },
  capacityLostPercent: { min: 1, max: 99 },
  triggerLength: { min: 1, max: 90 },
  timeout: { min: 0.1, max: 10 },
} as const;

export const RETRY_MODES: readonly RetryMode[] = ['none', 'immediate', 'backoff', 'throttled'];
export const MAX_ATTEMPTS_CHOICES = ['2', '3', '4', '5'] as const;

/** The retry policies in words, as the simulator's select and table show them. */
export const RETRY_LABELS: Record<RetryMode, string> = {
  none: 'No retries',
  immediate: 'Immediate retries',
  backoff: 'Backoff with jitter',
  throttled: 'Backoff with jitter and a retry budget',
};

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  spike: 'A spike of extra load',
  slowdown: 'A slowdown of the server',
};

const defaultTrigger = DEFAULT_METASTABLE.trigger;

export const DEFAULT_METASTABLE_FORM: MetastableFormInput = {
  capacity: String(DEFAULT_METASTABLE.capacity),
  offeredLoad: String(DEFAULT_METASTABLE.offeredLoad),
  triggerKind: defaultTrigger.kind,
  extraLoad: defaultTrigger.kind === 'spike' ? String(defaultTrigger.extraLoad) : '60',
  capacityLostPercent: '50',
  triggerLength: String(defaultTrigger.durationS),
  timeout: String(DEFAULT_METASTABLE.timeoutS),
  retry: DEFAULT_METASTABLE.retry,
  maxAttempts: String(DEFAULT_METASTABLE.maxAttempts),
};

const inRange = (label: string, unit: string, { min, max }: { min: number; max: number }): FieldRule => ({
  label,
  check: (n) => (n >= min && n <= max ? undefined : `${label} must be from ${min} to ${max}${unit}.`),
});

const rules: Record<MetastableField, FieldRule> = {
  capacity: inRange('Capacity', ' requests/s', LIMITS.capacity),
  offeredLoad: inRange('Offered load', ' requests/s', LIMITS.offeredLoad),
  extraLoad: inRange('Extra load', ' requests/s', LIMITS.extraLoad),
  capacityLostPercent: inRange('Capacity lost', ' %', LIMITS.capacityLostPercent),
  triggerLength: inRange('Length of the trigger', ' s', LIMITS.triggerLength),
  timeout: inRange('Client timeout', ' s', LIMITS.timeout),
};

/** The number fields the form shows for a trigger kind, in order. */
export function visibleFields(kind: TriggerKind): MetastableField[] {
  return ['capacity', 'offeredLoad', kind === 'spike' ? 'extraLoad' : 'capacityLostPercent', 'triggerLength', 'timeout'];
}

/** Reads the form: the settings of a run, or a message for each bad field it shows. */
export function readMetastableForm(form: MetastableFormInput): MetastableFormResult {
  const shown = visibleFields(form.triggerKind);
  const pick = <T>(record: Record<MetastableField, T>) => Object.fromEntries(shown.map((f) => [f, record[f]])) as Record<MetastableField, T>;
  const parsed = parseFields(pick(rules), pick(form), pick(DEFAULT_METASTABLE_FORM));
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  const startS = defaultTrigger.startS;
  const trigger: Trigger =
    form.triggerKind === 'spike'
      ? { kind: 'spike', extraLoad: v.extraLoad, startS, durationS: v.triggerLength }
      : { kind: 'slowdown', capacityLost: v.capacityLostPercent / 100, startS, durationS: v.triggerLength };
  return {
    ok: true,
    settings: {
      ...DEFAULT_METASTABLE,
      capacity: v.capacity,
      offeredLoad: v.offeredLoad,
      trigger,
      timeoutS: v.timeout,
      retry: form.retry,
      maxAttempts: Number(form.maxAttempts),
    },
  };
}

/** The policy each run is compared with: the retry budget, or (for the budget itself) no budget. */
export function comparisonMode(mode: RetryMode): RetryMode {
  return mode === 'throttled' ? 'backoff' : 'throttled';
}

export interface LabelledRun {
  mode: RetryMode;
  label: string;
  run: MetastableRun;
}

/** The reader's run and the comparison run, on the same users and service times. */
export function simulatePair(settings: MetastableSettings): { chosen: LabelledRun; other: LabelledRun } {
  const other = comparisonMode(settings.retry);
  return {
    chosen: { mode: settings.retry, label: RETRY_LABELS[settings.retry], run: simulateMetastable(settings) },
    other: { mode: other, label: RETRY_LABELS[other], run: simulateMetastable({ ...settings, retry: other }) },
  };
}

const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A rate in requests per second, to one decimal: "68.9". */
export function formatRate(perSecond: number): string {
  return oneDecimal.format(perSecond);
}

/** The run's state at the end, in words. */
export function verdict(run: MetastableRun): string {
  return run.recovered ? 'Recovered' : 'Still down';
}

/** The trigger in words, for the charts' descriptions: "a spike of +60 requests/s from 30 to 40 s". */
export function describeTrigger(trigger: Trigger): string {
  const window = `from ${trigger.startS} to ${trigger.startS + trigger.durationS} s`;
  return trigger.kind === 'spike'
    ? `a spike of ${trigger.extraLoad} extra requests/s ${window}`
    : `a slowdown to ${Math.round((1 - trigger.capacityLost) * 100)}% of capacity ${window}`;
}
