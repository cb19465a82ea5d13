/**
 * The lesson's lag monitor: production rate, a hot key's rate, rate per consumer, consumers and
 * partitions in; the produced and consumed offsets, every partition's lag, the group's status judged
 * partition by partition with the lab's classifyGroup, and the time to drain out, all computed by
 * src/components/widgets/module-16/lag-monitor.ts on top of the lab's own model. Rendered to HTML at build time with the
 * first preset, so the page shows a correct picture without JavaScript; hydrated when scrolled into
 * view, it redraws on every keystroke.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import { LAG_MONITOR_SCENARIO, ALERT_LABELS, formatDrainTime, type LagMonitorRun } from './lag-monitor';
import {
  DEFAULT_LAG_MONITOR_FORM,
  LAG_MONITOR_PRESETS,
  readLagMonitorForm,
  type LagMonitorField,
  type LagMonitorFormInput,
} from './lag-monitor-form';
import LineChart from '../../common/LineChart';
import TextField from '../../common/TextField';

const fields: { name: LagMonitorField; label: string; unit?: string; inputMode: 'decimal' | 'numeric' }[] = [
  { name: 'productionRate', label: 'Production rate', unit: 'messages/s', inputMode: 'decimal' },
  { name: 'hotKeyRate', label: 'Hot key on partition 0', unit: 'extra messages/s', inputMode: 'decimal' },
  { name: 'consumerRate', label: 'Rate per consumer', unit: 'messages/s', inputMode: 'decimal' },
  { name: 'consumers', label: 'Consumers in the group', inputMode: 'numeric' },
  { name: 'partitions', label: 'Partitions in the topic', inputMode: 'numeric' },
];

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const rate = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const { policy, durationS } = LAG_MONITOR_SCENARIO;

function plural(n: number, one: string, many: string): string {
  return `${whole.format(n)} ${n === 1 ? one : many}`;
}

/** The group in one or two sentences: who works, who idles, and what the busiest consumer carries. */
function groupSummary(run: LagMonitorRun, productionRate: number, partitions: number): string {
  const { active, idle, maxPartitionsPerConsumer } = run.assignment;
  const consumers = active + idle;
  const who =
    idle > 0
      ? `${whole.format(active)} of ${plural(consumers, 'consumer', 'consumers')} own a partition; ${whole.format(idle)} ${idle === 1 ? 'sits' : 'sit'} idle.`
      : `All ${plural(consumers, 'consumer', 'consumers')} own partitions; the busiest owns ${plural(maxPartitionsPerConsumer, 'partition', 'partitions')}, receiving ${rate.format((maxPartitionsPerConsumer / partitions) * productionRate)} messages/s.`;
  return `${who} Together they can process ${whole.format(run.capacity)} messages/s against ${rate.format(productionRate)} produced.`;
}

/** Which partitions share the group's status: "P0", "P0–P3", "all 6 partitions". */
function partitionList(partitions: readonly number[], total: number): string {
  if (partitions.length === total && total > 1) return `all ${total} partitions`;
  const consecutive = partitions.every((p, i) => i === 0 || p === partitions[i - 1]! + 1);
  if (consecutive && partitions.length > 2) return `P${partitions[0]}–P${partitions[partitions.length - 1]}`;
  return partitions.map((p) => `P${p}`).join(', ');
}

/** What the summed lag alone would have said about growth. */
function totalNote(run: LagMonitorRun): string {
  if (run.totalGrowing) return 'The summed lag is growing as well.';
  return run.alert === 'growing'
    ? 'The summed lag is not growing: judged on the total alone, this group would look as if it were catching up.'
    : 'The summed lag is not growing.';
}

export default function LagMonitor() {
  const id = useId();
  const [form, setForm] = useState<LagMonitorFormInput>(DEFAULT_LAG_MONITOR_FORM);
  const result = useMemo(() => readLagMonitorForm(form), [form]);
  const errors = result.ok ? {} : result.errors;

  return (
    <form class="widget not-content lag-monitor" aria-label="Lag monitor" data-widget="lag-monitor" onSubmit={(e) => e.preventDefault()}>
      <div class="lag-presets" role="group" aria-label="Load a scenario">
        <span class="lag-presets-label" aria-hidden="true">
          Scenarios:
        </span>
        {LAG_MONITOR_PRESETS.map((preset) => (
          <button type="button" key={preset.id} data-preset={preset.id} onClick={() => setForm(preset.form)}>
            {preset.label}
          </button>
        ))}
      </div>
      <div class="widget-fields">
        {fields.map(({ name, label, unit, inputMode }) => (
          <TextField
            key={name}
            formId={id}
            name={name}
            label={unit ? `${label} (${unit})` : label}
            value={form[name]}
            error={errors[name]}
            inputMode={inputMode}
            onInput={(value) => setForm({ ...form, [name]: value })}
          />
        ))}
      </div>
      <output aria-live="polite" for={fields.map((f) => `${id}-${f.name}`).join(' ')}>
        {result.ok ? (
          <>
            <dl class="widget-results">
              <div>
                <dt>Lag after {durationS / 60} minutes</dt>
                <dd data-result="lag" data-value={result.run.lag}>
                  {whole.format(result.run.lag)}
                </dd>
              </div>
              <div class={`lag-alert lag-alert-${result.run.alert}`}>
                <dt>Alert (the worst partition's)</dt>
                <dd data-result="alert" data-value={result.run.alert}>
                  {ALERT_LABELS[result.run.alert]}{' '}
                  <span class="lag-sub" data-result="alertPartitions" data-value={result.run.alertPartitions.join(',')}>
                    ({partitionList(result.run.alertPartitions, result.input.partitions)})
                  </span>
                </dd>
              </div>
              <div>
                <dt>Time to drain from there</dt>
                <dd data-result="timeToDrain" data-value={String(result.run.timeToDrainS)}>
                  {formatDrainTime(result.run.timeToDrainS)}
                </dd>
              </div>
              <div>
                <dt>Active consumers</dt>
                <dd data-result="activeConsumers" data-value={result.run.assignment.active}>
                  {whole.format(result.run.assignment.active)} <span class="lag-sub">({whole.format(result.run.assignment.idle)} idle)</span>
                </dd>
              </div>
            </dl>
            <p class="widget-note" data-result="summary">
              {groupSummary(result.run, result.input.productionRate, result.input.partitions)}
            </p>
            <p class="widget-note" data-result="totalGrowing" data-value={String(result.run.totalGrowing)}>
              {totalNote(result.run)}
            </p>
          </>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the monitor.</p>
        )}
      </output>
      {result.ok && <Charts run={result.run} />}
    </form>
  );
}

function Charts({ run }: { run: LagMonitorRun }) {
  const { points } = run;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const top = Math.max(last.produced, 1);
  const largest = run.largestPartition;
  const smallest = run.smallestPartition;
  const lagOf = (partition: number) => points.map((p) => [p.timeS / 60, p.partitionLags[partition]!] as const);
  const lagTop = Math.max(...points.map((p) => p.partitionLags[largest]!), policy.warningLag) * 1.15;
  const rules = [
    { y: policy.warningLag, label: `warning at ${compact.format(policy.warningLag)}`, color: 4 },
    { y: policy.criticalLag, label: `critical at ${compact.format(policy.criticalLag)}`, color: 1 },
  ].filter((rule) => rule.y <= lagTop);
  const alike = points.every((p) => p.partitionLags[largest] === p.partitionLags[smallest]);
  const partitionSeries = alike
    ? [{ label: 'Lag of each partition (all alike)', points: lagOf(largest), color: 1 }]
    : [
        { label: `Lag of P${largest}, the largest at the end`, points: lagOf(largest), color: 1 },
        { label: `Lag of P${smallest}, the smallest at the end`, points: lagOf(smallest), color: 0, dashed: true },
      ];
  const endLag = (partition: number) => whole.format(last.partitionLags[partition]!);
  // Minutes on the x axis, so that its ticks land on whole minutes.
  const minutes = (m: number) => `${m} min`;
  return (
    <div class="lag-charts">
      <LineChart
        title="Produced and consumed offsets"
        description={`Summed over the partitions, the log-end offset rises from ${whole.format(first.produced)} to ${whole.format(last.produced)} in ${durationS / 60} minutes while the committed offset rises from ${whole.format(first.consumed)} to ${whole.format(last.consumed)}; the gap between them is the lag.`}
        series={[
          { label: 'Produced (log-end offset)', points: points.map((p) => [p.timeS / 60, p.produced] as const), color: 0 },
          { label: 'Consumed (committed offset)', points: points.map((p) => [p.timeS / 60, p.consumed] as const), color: 2 },
        ]}
        xLabel="Time since the consumers restarted"
        yLabel="Offset (sum over partitions)"
        xDomain={[0, durationS / 60]}
        yDomain={[0, top]}
        xFormat={minutes}
        yFormat={(y) => compact.format(y)}
        height={280}
      />
      <LineChart
        title="Partition lag and alert thresholds"
        description={`Each partition is judged on its own lag. ${alike ? `Every partition ends at ${endLag(largest)}.` : `Partition ${largest} ends at ${endLag(largest)} and partition ${smallest} at ${endLag(smallest)}.`} Lag at or above ${whole.format(policy.warningLag)} is a warning and at or above ${whole.format(policy.criticalLag)} is critical; lag that rises at every sample for ${policy.windowMs / 1000} seconds is growing.`}
        series={partitionSeries}
        xLabel="Time since the consumers restarted"
        yLabel="Lag of one partition (messages)"
        xDomain={[0, durationS / 60]}
        yDomain={[0, lagTop]}
        xFormat={minutes}
        yFormat={(y) => compact.format(y)}
        rules={rules}
        height={240}
      />
      <details class="lag-assignment">
        <summary>Which consumer reads which partition</summary>
        <ol>
          {run.partitionsOf.map((owned, i) => (
            <li key={i} class={owned.length ? undefined : 'lag-idle'}>
              Consumer {i + 1}: {owned.length ? owned.map((p) => `P${p}`).join(', ') : 'idle'}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
