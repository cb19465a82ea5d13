/**
 * The stampede simulator: servers, request rate, TTL, recompute time, strategy and β in; database
 * queries in flight over time, the largest herd, and every strategy side by side out, all computed by
 * the course's model (src/models/module-17/stampede-simulator/simulator.ts) through its view-model
 * (./stampede-simulator.ts). Rendered to HTML at build time with the default settings, so the page shows
 * the chart and the numbers without JavaScript; hydrated when scrolled into view, it reruns on every
 * change. Seeded: the same settings always show the same run.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import LineChart, { type Series } from '../../common/LineChart';
import TextField from '../../common/TextField';
import { DEFAULT_STAMPEDE_FORM, LIMITS, readStampedeForm, type StampedeFormInput, type StampedeNumberField } from './stampede-simulator-form';
import {
  chartDescription,
  formatCount,
  formatSeconds,
  SHORT_LABELS,
  STAMPEDE_STRATEGIES,
  STRATEGY_NOTES,
  stampedeView,
  type StampedeSettings,
} from './stampede-simulator';

const fields: { name: StampedeNumberField; label: string; hint: string; inputMode: 'decimal' | 'numeric' }[] = [
  { name: 'clients', label: 'Servers (clients)', hint: `1 to ${LIMITS.clients.max}`, inputMode: 'numeric' },
  { name: 'requestRate', label: 'Requests per second, all servers', hint: `up to ${formatCount(LIMITS.requestRate.max)}`, inputMode: 'decimal' },
  { name: 'ttl', label: 'TTL (s)', hint: `${LIMITS.ttl.min} to ${formatCount(LIMITS.ttl.max)}`, inputMode: 'decimal' },
  { name: 'recomputeTime', label: 'Recompute time δ (s)', hint: `${LIMITS.recomputeTime.min} to ${LIMITS.recomputeTime.max}`, inputMode: 'decimal' },
  { name: 'beta', label: 'β (XFetch, article)', hint: `${LIMITS.beta.min} to ${LIMITS.beta.max}`, inputMode: 'decimal' },
];

export default function StampedeSimulator() {
  const id = `stampede-${useId()}`;
  const [input, setInput] = useState<StampedeFormInput>(DEFAULT_STAMPEDE_FORM);
  const result = useMemo(() => readStampedeForm(input), [input]);
  // While a field is being fixed, the chart keeps showing the last settings that were valid.
  const lastGood = useRef<StampedeSettings | undefined>(undefined);
  if (result.ok) lastGood.current = result.settings;
  const settings = lastGood.current!;
  const errors = result.ok ? {} : result.errors;
  const view = useMemo(() => stampedeView(settings), [settings]);
  const { run, baseline, compare } = view;

  const series: Series[] = [{ label: `${SHORT_LABELS[settings.strategy]}: queries in flight`, points: run.series, color: 0 }];
  if (settings.strategy !== 'none') series.push({ label: 'No protection', points: baseline.series, color: 1, dashed: true });
  const controls = [...fields.map((f) => `${id}-${f.name}`), `${id}-strategy`].join(' ');

  return (
    <form class="widget not-content stampede" aria-label="Stampede simulator" data-widget="stampede-simulator" onSubmit={(e) => e.preventDefault()}>
      <div class="widget-fields">
        <div class="widget-field">
          <label for={`${id}-strategy`}>Strategy</label>
          <select
            id={`${id}-strategy`}
            name="strategy"
            value={input.strategy}
            aria-describedby={`${id}-strategy-note`}
            onChange={(e) => setInput({ ...input, strategy: e.currentTarget.value })}
          >
            {STAMPEDE_STRATEGIES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <span class="widget-hint" id={`${id}-strategy-note`}>
            {STRATEGY_NOTES[settings.strategy]}
          </span>
        </div>
        {fields.map(({ name, label, hint, inputMode }) => (
          <TextField
            key={name}
            formId={id}
            name={name}
            label={label}
            value={input[name]}
            error={errors[name]}
            hint={hint}
            inputMode={inputMode}
            onInput={(value) => setInput({ ...input, [name]: value })}
          />
        ))}
      </div>
      <LineChart
        title="Database queries in flight"
        description={chartDescription(view)}
        series={series}
        xLabel="Time (s)"
        yLabel="Queries in flight"
        xDomain={[0, run.seconds]}
        yDomain={[0, view.yMax]}
        height={280}
      />
      <output aria-live="polite" for={controls}>
        {result.ok ? (
          <>
            <dl class="widget-results">
              <div>
                <dt>Database queries</dt>
                <dd data-result="loads">{formatCount(run.loads)}</dd>
              </div>
              <div>
                <dt>Largest herd (at once)</dt>
                <dd data-result="peakLoads">{formatCount(run.peakLoads)}</dd>
              </div>
              <div>
                <dt>Requests that waited</dt>
                <dd data-result="waited">{formatCount(run.waited)}</dd>
              </div>
              <div>
                <dt>Stale answers</dt>
                <dd data-result="stale">{formatCount(run.stale)}</dd>
              </div>
            </dl>
            <table class="stampede-table">
              <caption>
                Every strategy on the same <span data-result="requests">{formatCount(run.requests)}</span> requests over{' '}
                <span data-result="seconds">{formatSeconds(run.seconds)}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Strategy</th>
                  <th scope="col">Queries</th>
                  <th scope="col">Herd</th>
                  <th scope="col">Waited</th>
                  <th scope="col">Stale</th>
                </tr>
              </thead>
              <tbody>
                {compare.map((r) => {
                  const s = r.settings.strategy;
                  return (
                    <tr key={s} class={s === settings.strategy ? 'chosen' : undefined}>
                      <th scope="row">{SHORT_LABELS[s]}</th>
                      <td data-result={`${s}-loads`}>{formatCount(r.loads)}</td>
                      <td data-result={`${s}-peakLoads`}>{formatCount(r.peakLoads)}</td>
                      <td data-result={`${s}-waited`}>{formatCount(r.waited)}</td>
                      <td data-result={`${s}-stale`}>{formatCount(r.stale)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the numbers; the chart shows the last valid settings.</p>
        )}
      </output>
      <p class="widget-note">
        One hot key, cached at time 0 and read by Poisson requests spread at random over the servers; a query takes exactly δ. Herd: the
        most queries in flight at one instant. Stale-while-revalidate serves stale values for one TTL; leases are issued at most once per
        key every 10 s. Seeded, so the same settings always give the same run.
      </p>
    </form>
  );
}
