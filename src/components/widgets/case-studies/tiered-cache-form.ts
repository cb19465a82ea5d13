/**
 * Reads the tiered-cache simulator's form: three number fields and two switches in, the simulation's
 * settings or a message per bad field out. The limits keep every value inside what the model accepts
 * (and the page quick: the simulation runs in the reader's browser), so the widget never shows NaN.
 */
import { parseFields, type FieldRule } from '../../common/form-fields';
import { DEFAULT_CDN_SETTINGS, MAX_POPS, MAX_TTL_SECONDS, MAX_ZIPF_ALPHA, type CdnSimulationSettings } from '../../../models/case-studies/tiered-cache/cdn-simulation';

export interface TieredCacheFormInput {
  /** Lower-tier data centers, as typed. */
  pops: string;
  /** The Zipf exponent of popularity, as typed. */
  zipfAlpha: string;
  /** The origin's max-age in seconds, as typed. */
  ttlSeconds: string;
  tiering: boolean;
  collapsing: boolean;
}

export type TieredCacheNumberField = 'pops' | 'zipfAlpha' | 'ttlSeconds';

export type TieredCacheFormResult =
  | { ok: true; settings: CdnSimulationSettings }
  | { ok: false; errors: Partial<Record<TieredCacheNumberField, string>> };

export const DEFAULT_TIERED_CACHE_FORM: TieredCacheFormInput = {
  pops: String(DEFAULT_CDN_SETTINGS.pops),
  zipfAlpha: String(DEFAULT_CDN_SETTINGS.zipfAlpha),
  ttlSeconds: String(DEFAULT_CDN_SETTINGS.ttlSeconds),
  tiering: DEFAULT_CDN_SETTINGS.tiering,
  collapsing: DEFAULT_CDN_SETTINGS.collapsing,
};

const rules: Record<TieredCacheNumberField, FieldRule> = {
  pops: {
    label: 'Points of presence',
    check: (n) => (Number.isInteger(n) && n >= 1 && n <= MAX_POPS ? undefined : `Points of presence must be a whole number from 1 to ${MAX_POPS}.`),
  },
  zipfAlpha: {
    label: 'Popularity skew',
    check: (n) => (n >= 0 && n <= MAX_ZIPF_ALPHA ? undefined : `Popularity skew must be from 0 to ${MAX_ZIPF_ALPHA}.`),
  },
  ttlSeconds: {
    label: 'TTL',
    check: (n) =>
      Number.isInteger(n) && n >= 1 && n <= MAX_TTL_SECONDS ? undefined : `TTL must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS.toLocaleString('en')}.`,
  },
};

export function readTieredCacheForm(form: TieredCacheFormInput): TieredCacheFormResult {
  const parsed = parseFields(rules, { pops: form.pops, zipfAlpha: form.zipfAlpha, ttlSeconds: form.ttlSeconds }, DEFAULT_TIERED_CACHE_FORM);
  if (!parsed.ok) return parsed;
  return { ok: true, settings: { ...parsed.values, tiering: form.tiering, collapsing: form.collapsing } };
}
