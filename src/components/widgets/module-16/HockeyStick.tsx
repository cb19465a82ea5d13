/**
 * The hockey-stick explorer: response time ÷ service time against utilization for M/M/1, M/M/c and
 * Kingman's G/G/1 approximation, with points from the course's simulator (src/components/widgets/module-16/hockey-stick.ts).
 * Rendered to HTML at build time with the default settings, so the page shows the chart and the table
 * without JavaScript; hydrated when scrolled into view, it redraws and re-simulates as the inputs change.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import LineChart, { type Series } from '../../common/LineChart';
import TextField from '../../common/TextField';
import {
  DEFAULT_HOCKEY_STICK_FORM,
  MAX_SCV,
  MAX_SERVERS,
  readHockeyStickForm,
  UTILIZATION_PERCENT,
  type HockeyStickField,
  type HockeyStickFormInput,
} from './hockey-stick-form';
import {
  CUSTOMERS_FOR_TABLE,
  CUSTOMERS_PER_POINT,
  formatRatio,
  RATIO_MAX,
  ratioCurves,
  ratioRows,
  simulatedPoints,
  type HockeyStickSettings,
} from './hockey-stick';

const textFields: { name: Exclude<HockeyStickField, 'utilizationPercent'>; label: string; hint: string }[] = [
  { name: 'servers', label: 'Servers c (M/M/c)', hint: `1 to ${MAX_SERVERS}` },
  { name: 'arrivalScv', label: 'Arrival variability cₐ²', hint: `0 to ${MAX_SCV}; 1 is Poisson` },
  { name: 'serviceScv', label: 'Service variability cₛ²', hint: `0 to ${MAX_SCV}; 1 is exponential` },
];

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const inChart = (points: [number, number][]): [number, number][] => points.filter(([, y]) => y <= RATIO_MAX);

export default function HockeyStick() {
  const id = useId();
  const [input, setInput] = useState<HockeyStickFormInput>(DEFAULT_HOCKEY_STICK_FORM);
  const result = useMemo(() => readHockeyStickForm(input), [input]);
  // While a field is being fixed, the chart keeps showing the last settings that were valid.
  const lastGood = useRef<HockeyStickSettings | undefined>(undefined);
  if (result.ok) lastGood.current = result.settings;
  const settings = lastGood.current!;
  const errors = result.ok ? {} : result.errors;

  // The curves and the simulated points do not depend on the chosen utilization: dragging the slider
  // only reruns the two simulations of the table.
  const { servers, arrivalScv, serviceScv, utilization } = settings;
  const curves = useMemo(() => ratioCurves(settings), [servers, arrivalScv, serviceScv]);
  const simulated = useMemo(() => simulatedPoints(settings), [servers, arrivalScv, serviceScv]);
  const rows = useMemo(() => ratioRows(settings), [servers, arrivalScv, serviceScv, utilization]);

  const scvs = `cₐ² = ${arrivalScv}, cₛ² = ${serviceScv}`;
  const series: Series[] = [
    { label: 'M/M/1', points: curves.mm1, color: 0 },
    { label: `M/M/c, c = ${servers}`, points: curves.mmc, color: 1 },
    { label: `Kingman G/G/1, ${scvs}`, points: curves.kingman, color: 2, dashed: true },
    { label: `Simulated, ${servers} exponential ${servers === 1 ? 'server' : 'servers'}`, points: inChart(simulated.mmc), kind: 'dots', color: 1 },
    { label: `Simulated, one server, ${scvs}`, points: inChart(simulated.kingman), kind: 'dots', color: 2 },
    { label: `Chosen utilization, ${percent(utilization)}`, points: [[utilization, 0], [utilization, RATIO_MAX]], color: 3, dashed: true },
  ];
  const read = (key: string) => formatRatio(rows.find((r) => r.key === key)!.ratio);
  const description =
    `Response time as a multiple of the service time, from 0 to ${RATIO_MAX}, against utilization from 0 to 100%. ` +
    `At ${percent(utilization)}: one server (M/M/1) ${read('mm1')}, a pool of ${servers} (M/M/c) ${read('mmc')}, ` +
    `one server with ${scvs} (Kingman) ${read('kingman')}. Each curve rises without bound as utilization approaches 100%.`;
  const controls = [...textFields.map((f) => `${id}-${f.name}`), `${id}-utilizationPercent`].join(' ');

  return (
    <form class="widget not-content hockey-stick" aria-label="Hockey-stick explorer" data-widget="hockey-stick" onSubmit={(e) => e.preventDefault()}>
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
            onInput={(value) => setInput({ ...input, [name]: value })}
          />
        ))}
        <div class="widget-field">
          <label for={`${id}-utilizationPercent`}>Utilization ρ: {input.utilizationPercent}%</label>
          <input
            id={`${id}-utilizationPercent`}
            name="utilizationPercent"
            type="range"
            min={UTILIZATION_PERCENT.min}
            max={UTILIZATION_PERCENT.max}
            step={1}
            value={input.utilizationPercent}
            aria-valuetext={`${input.utilizationPercent} percent`}
            onInput={(e) => setInput({ ...input, utilizationPercent: e.currentTarget.value })}
          />
        </div>
      </div>
      <LineChart
        title="Response time against utilization"
        description={description}
        series={series}
        xLabel="Utilization ρ"
        yLabel="Response time ÷ service time"
        xDomain={[0, 1]}
        yDomain={[0, RATIO_MAX]}
        xFormat={percent}
      />
      <output aria-live="polite" for={controls}>
        {result.ok ? (
          <table class="hockey-stick-table">
            <caption>
              Response time ÷ service time at ρ = <span data-result="utilization">{percent(utilization)}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">W ÷ E[S]</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td data-result={row.key}>{formatRatio(row.ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the numbers; the chart shows the last valid settings.</p>
        )}
      </output>
      <p class="widget-note">
        Dots: {CUSTOMERS_PER_POINT.toLocaleString('en')} simulated customers each, from a fixed seed; the table's simulated rows
        use {CUSTOMERS_FOR_TABLE.toLocaleString('en')}. Short runs wander, most of all near 100% and with high variability.
        Dots above {RATIO_MAX} are left off the chart.
      </p>
    </form>
  );
}
