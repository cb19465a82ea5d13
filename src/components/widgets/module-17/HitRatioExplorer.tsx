/**
 * The hit-ratio explorer: hit ratio against cache size for a Zipf workload, under five eviction
 * policies, simulated with the course's cache simulator next to the formulas (hit-ratio-explorer.ts).
 * Rendered to HTML at build time with the default settings, so the page shows the chart and the table
 * without JavaScript; hydrated when scrolled into view, it re-simulates as the inputs change.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import LineChart, { type Series } from '../../common/LineChart';
import TextField from '../../common/TextField';
import { MAX_SAMPLES } from '../../../models/module-17/cache-simulator/sampled-lru';
import { POLICY_KINDS, type PolicyKind } from '../../../models/module-17/cache-simulator/simulator';
import { DEFAULT_HIT_RATIO_FORM, KEYS_RANGE, MAX_EXPONENT, readHitRatioForm, type HitRatioFormInput } from './hit-ratio-form';
import {
  FORMULA_LABELS,
  FORMULA_OF,
  formatPercent,
  formulaCurve,
  POLICY_LABELS,
  policyLabel,
  policyRows,
  probabilitiesOf,
  REQUESTS_FOR_TABLE,
  REQUESTS_PER_POINT,
  simulatedPoints,
  warmupFor,
  type HitRatioSettings,
} from './hit-ratio-explorer';

type NumberField = Exclude<keyof HitRatioFormInput, 'policy'>;
const textFields: { name: NumberField; label: string; hint: string }[] = [
  { name: 'keys', label: 'Keys N', hint: `${KEYS_RANGE.min} to ${KEYS_RANGE.max.toLocaleString('en')}` },
  { name: 'capacity', label: 'Cache size C (keys)', hint: '1 to N' },
  { name: 'exponent', label: 'Zipf exponent α', hint: `0 to ${MAX_EXPONENT}; 0 is uniform` },
  { name: 'samples', label: 'Samples (sampled LRU)', hint: `1 to ${MAX_SAMPLES}; Redis's default is 5` },
];

const percentTick = (x: number): string => `${Math.round(x * 100)}%`;

export default function HitRatioExplorer() {
  const id = `hit-ratio-${useId()}`;
  const [input, setInput] = useState<HitRatioFormInput>(DEFAULT_HIT_RATIO_FORM);
  const result = useMemo(() => readHitRatioForm(input), [input]);
  // While a field is being fixed, the chart and table keep showing the last settings that were valid.
  const lastGood = useRef<HitRatioSettings | undefined>(undefined);
  if (result.ok) lastGood.current = result.settings;
  const settings = lastGood.current!;
  const errors = result.ok ? {} : result.errors;

  const { keys, exponent, capacity, policy, samples } = settings;
  const probabilities = useMemo(() => probabilitiesOf(settings), [keys, exponent]);
  const curve = useMemo(() => formulaCurve(policy, probabilities), [probabilities, policy]);
  const lruCurve = useMemo(() => formulaCurve('lru', probabilities)!, [probabilities]);
  const points = useMemo(() => simulatedPoints(settings, probabilities), [probabilities, policy, samples]);
  const rows = useMemo(() => policyRows(settings, probabilities), [probabilities, capacity, samples]);

  const chosen = policyLabel(policy, samples);
  const formula = FORMULA_OF[policy];
  const share = capacity / keys;
  const series: Series[] = [
    ...(curve ? [{ label: `${chosen}: ${FORMULA_LABELS[formula]}`, points: curve, color: 0 }] : []),
    ...(policy === 'lru' ? [] : [{ label: "LRU: Che's approximation, for comparison", points: lruCurve, color: 2, dashed: true }]),
    { label: `${chosen}: simulated`, points, kind: 'dots', color: 1 },
    { label: `Chosen cache size, ${percentTick(share)} of the keys`, points: [[share, 0], [share, 1]], color: 3, dashed: true },
  ];
  const row = rows.find((r) => r.kind === policy)!;
  const description =
    `Hit ratio from 0 to 100% against cache size from 0 to 100% of ${keys.toLocaleString('en')} keys, Zipf exponent ${exponent}. ` +
    `${chosen}: simulated ${points.map(([x, y]) => `${percentTick(x)} → ${formatPercent(y)}`).join(', ')}. ` +
    `At the chosen ${capacity.toLocaleString('en')} keys it hits ${formatPercent(row.simulated)}` +
    (row.formula === undefined ? '.' : `; ${FORMULA_LABELS[formula]} gives ${formatPercent(row.formula)}.`);
  const controls = [...textFields.map((f) => `${id}-${f.name}`), `${id}-policy`].join(' ');

  return (
    <form class="widget not-content hit-ratio" aria-label="Hit-ratio explorer" data-widget="hit-ratio" onSubmit={(e) => e.preventDefault()}>
      <div class="widget-fields">
        {textFields.map(({ name, label, hint }) => (
          <TextField
            key={name}
            formId={id}
            name={name}
            label={label}
            value={input[name]}
            error={errors[name]}
            hint={hint}
            inputMode={name === 'exponent' ? 'decimal' : 'numeric'}
            onInput={(value) => setInput({ ...input, [name]: value })}
          />
        ))}
        <div class="widget-field">
          <label for={`${id}-policy`}>Policy on the chart</label>
          <select id={`${id}-policy`} name="policy" value={input.policy} onChange={(e) => setInput({ ...input, policy: e.currentTarget.value })}>
            {POLICY_KINDS.map((kind: PolicyKind) => (
              <option key={kind} value={kind}>
                {POLICY_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LineChart
        title="Hit ratio against cache size"
        description={description}
        series={series}
        xLabel="Cache size, share of the keys"
        yLabel="Hit ratio"
        xDomain={[0, 1]}
        yDomain={[0, 1]}
        xFormat={percentTick}
        yFormat={percentTick}
      />
      <output aria-live="polite" for={controls}>
        {result.ok ? (
          <table class="hit-ratio-table">
            <caption>
              Hit ratio with <span data-result="capacity">{capacity.toLocaleString('en')}</span> of{' '}
              <span data-result="keys">{keys.toLocaleString('en')}</span> keys in the cache, Zipf α = <span data-result="exponent">{exponent}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Simulated</th>
                <th scope="col">Formula</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kind} aria-current={r.kind === policy ? 'true' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td data-result={`${r.kind}-simulated`}>
                    {formatPercent(r.simulated)}
                    {r.filled ? '' : ' *'}
                  </td>
                  <td data-result={`${r.kind}-formula`}>{r.formula === undefined ? '—' : formatPercent(r.formula)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the numbers; the chart shows the last valid settings.</p>
        )}
      </output>
      <p class="widget-note">
        Simulated: the course's simulator, seeded, from an empty cache: {warmupFor(keys).toLocaleString('en')} requests to fill it, then{' '}
        {REQUESTS_FOR_TABLE.toLocaleString('en')} counted per row ({REQUESTS_PER_POINT.toLocaleString('en')} per dot); every policy sees the same
        requests. Formulas: Che's approximation for LRU, Martina et al.'s for FIFO and random, and for LFU the share of the C most popular keys,
        which no policy can beat while popularity stays fixed. A cache that had not filled before counting began is still cold: its dot is left
        off, and its row is marked *.
      </p>
    </form>
  );
}
