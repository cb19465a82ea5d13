/**
 * The Cloudflare case study's tiered-cache simulator: points of presence, popularity skew, TTL, and
 * tiering and collapsing switched on or off; the origin's load and each tier's hit ratio from a seeded
 * run of the course's CDN simulation (src/models/case-studies/tiered-cache/cdn-simulation.ts), with the
 * numbers written by tiered-cache-simulator.ts. Rendered to HTML at build time with the default
 * settings, so the page shows a correct picture without JavaScript; hydrated when scrolled into view,
 * it reruns the simulation on every change.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import LineChart from '../../common/LineChart';
import TextField from '../../common/TextField';
import { CDN_SCENARIO, MAX_POPS, MAX_TTL_SECONDS, MAX_ZIPF_ALPHA, simulateCdn, type CdnSimulationSettings } from '../../../models/case-studies/tiered-cache/cdn-simulation';
import { DEFAULT_TIERED_CACHE_FORM, readTieredCacheForm, type TieredCacheFormInput, type TieredCacheNumberField } from './tiered-cache-form';
import { chartTop, describeRun, formatCount, formatPercent, headline, originSeries, tierRows } from './tiered-cache-simulator';

const numberFields: { name: TieredCacheNumberField; label: string; hint: string; inputMode: 'decimal' | 'numeric' }[] = [
  { name: 'pops', label: 'Points of presence', hint: `1 to ${MAX_POPS} lower-tier data centers`, inputMode: 'numeric' },
  { name: 'zipfAlpha', label: 'Popularity skew α', hint: `0 (all assets alike) to ${MAX_ZIPF_ALPHA}`, inputMode: 'decimal' },
  { name: 'ttlSeconds', label: 'TTL (max-age, s)', hint: `1 to ${MAX_TTL_SECONDS.toLocaleString('en')}`, inputMode: 'numeric' },
];

const switches: { name: 'tiering' | 'collapsing'; label: string }[] = [
  { name: 'tiering', label: 'Tiered cache: PoPs ask one upper tier' },
  { name: 'collapsing', label: 'Request collapsing in each data center' },
];

/** The table's rows: one measure each, for every tier (its columns). */
const measures: { key: 'requests' | 'hits' | 'collapsed' | 'upstream' | 'hitRatio'; label: string; format: (n: number) => string }[] = [
  { key: 'requests', label: 'Requests', format: formatCount },
  { key: 'hits', label: 'Fresh hits', format: formatCount },
  { key: 'collapsed', label: 'Waited on a fetch in flight', format: formatCount },
  { key: 'upstream', label: 'Sent upstream', format: formatCount },
  { key: 'hitRatio', label: 'Hit ratio', format: formatPercent },
];

export default function TieredCacheSimulator() {
  const id = `tiered-cache-${useId()}`;
  const [form, setForm] = useState<TieredCacheFormInput>(DEFAULT_TIERED_CACHE_FORM);
  // The switches stay disabled until the island has hydrated, so that a click before then is not lost.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const read = useMemo(() => readTieredCacheForm(form), [form]);
  // While a field is being fixed, the chart and table keep showing the last settings that were valid.
  const lastGood = useRef<CdnSimulationSettings | undefined>(undefined);
  if (read.ok) lastGood.current = read.settings;
  const settings = lastGood.current!;
  const { pops, zipfAlpha, ttlSeconds, tiering, collapsing } = settings;
  const result = useMemo(() => simulateCdn(settings), [pops, zipfAlpha, ttlSeconds, tiering, collapsing]);
  const errors = read.ok ? {} : read.errors;
  const numbers = headline(result);
  const rows = tierRows(result);
  const controls = [...numberFields.map((f) => `${id}-${f.name}`), ...switches.map((s) => `${id}-${s.name}`)].join(' ');

  return (
    <form class="widget not-content tiered-cache" aria-label="Tiered-cache simulator" data-widget="tiered-cache" onSubmit={(e) => e.preventDefault()}>
      <div class="widget-fields">
        {numberFields.map(({ name, label, hint, inputMode }) => (
          <TextField
            key={name}
            formId={id}
            name={name}
            label={label}
            hint={hint}
            value={form[name]}
            error={errors[name]}
            inputMode={inputMode}
            onInput={(value) => setForm({ ...form, [name]: value })}
          />
        ))}
      </div>
      <div class="tiered-cache-switches">
        {switches.map(({ name, label }) => (
          <label key={name} for={`${id}-${name}`}>
            <input
              id={`${id}-${name}`}
              type="checkbox"
              name={name}
              checked={form[name]}
              disabled={!mounted}
              onChange={(e) => setForm({ ...form, [name]: e.currentTarget.checked })}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <output aria-live="polite" for={controls}>
        {read.ok ? (
          <>
            <dl class="widget-results">
              <div>
                <dt>Requests that reached the origin</dt>
                <dd data-result="originRequests">{numbers.originRequests}</dd>
              </div>
              <div>
                <dt>Requests kept from the origin</dt>
                <dd data-result="offload">{numbers.offload}</dd>
              </div>
              <div>
                <dt>Origin requests for the most popular asset</dt>
                <dd data-result="hottestOriginRequests">{numbers.hottestOriginRequests}</dd>
              </div>
            </dl>
            <table class="tiered-cache-table">
              <caption>What each tier did with the requests that reached it</caption>
              <thead>
                <tr>
                  <td></td>
                  {rows.map((row) => (
                    <th scope="col" key={row.key}>
                      {row.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {measures.map(({ key, label, format }) => (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    {rows.map((row) => (
                      <td key={row.key} data-result={`${row.key}-${key}`}>
                        {format(row[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the numbers; the chart shows the last valid settings.</p>
        )}
      </output>
      <LineChart
        title="Origin requests per second"
        description={describeRun(result)}
        series={[{ label: 'Requests reaching the origin', points: originSeries(result), color: 1 }]}
        xLabel="Seconds from cold caches"
        yLabel="Origin requests per second"
        xDomain={[0, CDN_SCENARIO.durationSeconds]}
        yDomain={[0, chartTop(result)]}
        height={260}
      />
      <p class="widget-note">
        A seeded simulation, the course's own: {formatCount(CDN_SCENARIO.assets)} assets, {CDN_SCENARIO.requestsPerSecondPerPop} requests per second at each PoP,{' '}
        {CDN_SCENARIO.durationSeconds} s from cold caches, {CDN_SCENARIO.lowerToUpperMs} ms from a PoP to the upper tier and back, {CDN_SCENARIO.toOriginMs} ms
        to the origin and back. The origin sends <code>max-age</code> = TTL; each tier passes its copy's <code>Age</code> on.
      </p>
    </form>
  );
}
