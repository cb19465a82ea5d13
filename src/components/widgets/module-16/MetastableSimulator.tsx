/**
 * The metastable-failure simulator: capacity, offered load, a trigger, the client timeout and a retry
 * policy in; goodput, the offered load with retries, and the queue over time out, for the chosen
 * policy and for the same scenario with (or without) a retry budget. All the work is done by
 * src/components/widgets/module-16/metastable-simulator.ts and the course's simulator. Rendered to
 * HTML at build time with the default scenario, so the page shows the runs without JavaScript;
 * hydrated when scrolled into view, it re-simulates as the controls change.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import LineChart, { type Series } from '../../common/LineChart';
import TextField from '../../common/TextField';
import { AFTER_WINDOW_S, DEFAULT_METASTABLE, SIMULATED_THROTTLE } from '../../../models/module-16/retries/metastable';
import {
  DEFAULT_METASTABLE_FORM,
  describeTrigger,
  formatRate,
  LIMITS,
  MAX_ATTEMPTS_CHOICES,
  readMetastableForm,
  RETRY_LABELS,
  RETRY_MODES,
  simulatePair,
  TRIGGER_LABELS,
  verdict,
  visibleFields,
  type LabelledRun,
  type MetastableField,
  type MetastableFormInput,
  type TriggerKind,
} from './metastable-simulator';
import type { MetastableSettings, RetryMode } from '../../../models/module-16/retries/metastable';

const fieldText: Record<MetastableField, { label: string; hint: string }> = {
  capacity: { label: 'Capacity (requests/s)', hint: `${LIMITS.capacity.min} to ${LIMITS.capacity.max}` },
  offeredLoad: { label: 'Offered load (requests/s)', hint: `new requests, ${LIMITS.offeredLoad.min} to ${LIMITS.offeredLoad.max}` },
  extraLoad: { label: 'Extra load in the spike (requests/s)', hint: `${LIMITS.extraLoad.min} to ${LIMITS.extraLoad.max}` },
  capacityLostPercent: { label: 'Capacity lost in the slowdown (%)', hint: `${LIMITS.capacityLostPercent.min} to ${LIMITS.capacityLostPercent.max}` },
  triggerLength: { label: 'Length of the trigger (s)', hint: `from ${DEFAULT_METASTABLE.trigger.startS} s on; ${LIMITS.triggerLength.min} to ${LIMITS.triggerLength.max}` },
  timeout: { label: 'Client timeout per attempt (s)', hint: `${LIMITS.timeout.min} to ${LIMITS.timeout.max}` },
};

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const { durationS } = DEFAULT_METASTABLE;
const seconds = (s: number) => `${s} s`;

export default function MetastableSimulator() {
  const id = `metastable-${useId()}`;
  const [form, setForm] = useState<MetastableFormInput>(DEFAULT_METASTABLE_FORM);
  const result = useMemo(() => readMetastableForm(form), [form]);
  const pair = useMemo(() => (result.ok ? simulatePair(result.settings) : undefined), [result]);
  const errors = result.ok ? {} : result.errors;
  const fields = visibleFields(form.triggerKind);
  const set = (changes: Partial<MetastableFormInput>) => setForm({ ...form, ...changes });

  return (
    <form class="widget not-content metastable" aria-label="Metastable-failure simulator" data-widget="metastable" onSubmit={(e) => e.preventDefault()}>
      <div class="widget-fields">
        {fields.slice(0, 2).map((name) => (
          <TextField key={name} formId={id} name={name} {...fieldText[name]} value={form[name]} error={errors[name]} onInput={(value) => set({ [name]: value })} />
        ))}
        <div class="widget-field">
          <label for={`${id}-triggerKind`}>Trigger</label>
          <select id={`${id}-triggerKind`} name="triggerKind" value={form.triggerKind} onChange={(e) => set({ triggerKind: e.currentTarget.value as TriggerKind })}>
            {(Object.keys(TRIGGER_LABELS) as TriggerKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {TRIGGER_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        {fields.slice(2).map((name) => (
          <TextField key={name} formId={id} name={name} {...fieldText[name]} value={form[name]} error={errors[name]} onInput={(value) => set({ [name]: value })} />
        ))}
        <div class="widget-field">
          <label for={`${id}-retry`}>Retry policy</label>
          <select id={`${id}-retry`} name="retry" value={form.retry} onChange={(e) => set({ retry: e.currentTarget.value as RetryMode })}>
            {RETRY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {RETRY_LABELS[mode]}
              </option>
            ))}
          </select>
        </div>
        <div class="widget-field">
          <label for={`${id}-maxAttempts`}>Attempts per request (maxAttempts)</label>
          <select id={`${id}-maxAttempts`} name="maxAttempts" value={form.maxAttempts} onChange={(e) => set({ maxAttempts: e.currentTarget.value })}>
            {MAX_ATTEMPTS_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <output aria-live="polite" for={[...fields, 'triggerKind', 'retry', 'maxAttempts'].map((f) => `${id}-${f}`).join(' ')}>
        {pair ? (
          <table class="metastable-table">
              <caption>Goodput: answers in time, per second</caption>
              <thead>
                <tr>
                  <th scope="col">Policy</th>
                  <th scope="col">Before</th>
                  <th scope="col">During</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                <Row which="chosen" labelled={pair.chosen} />
                <Row which="other" labelled={pair.other} />
              </tbody>
            </table>
        ) : (
          <p class="widget-note">Fix the highlighted field to run the simulation.</p>
        )}
      </output>
      {pair && result.ok && <Charts settings={result.settings} chosen={pair.chosen} other={pair.other} />}
      <p class="widget-note">
        Each run lasts {durationS} s, from a fixed seed, with {DEFAULT_METASTABLE.clients} client processes and one FIFO server with exponential
        service times; both runs see the same users and the same service times. Before: until the trigger; after: the last {AFTER_WINDOW_S} s.
        Backoff is gRFC A6's full jitter (0.1 s doubling to at most 1 s); the retry budget is A6's token bucket, {SIMULATED_THROTTLE.maxTokens}{' '}
        tokens and a ratio of {SIMULATED_THROTTLE.tokenRatio} per client. These are the course's simulations, not measurements.
      </p>
    </form>
  );
}

function Row({ which, labelled }: { which: 'chosen' | 'other'; labelled: LabelledRun }) {
  const { goodput } = labelled.run;
  return (
    <tr data-policy={labelled.mode}>
      <th scope="row">
        <span data-result={`${which}-label`}>{labelled.label}</span>
        <span data-result={`${which}-verdict`} class={`metastable-verdict ${labelled.run.recovered ? 'metastable-up' : 'metastable-down'}`}>
          {verdict(labelled.run)}
        </span>
      </th>
      <td data-result={`${which}-before`}>{formatRate(goodput.before)}</td>
      <td data-result={`${which}-during`}>{formatRate(goodput.during)}</td>
      <td data-result={`${which}-after`}>{formatRate(goodput.after)}</td>
    </tr>
  );
}

function Charts({ settings, chosen, other }: { settings: MetastableSettings; chosen: LabelledRun; other: LabelledRun }) {
  const { trigger, capacity } = settings;
  const triggerText = describeTrigger(trigger);
  const series = (pick: (p: LabelledRun['run']['points'][number]) => number) => (run: LabelledRun, color: number, dashed = false): Series => ({
    label: run.label,
    points: [[0, pick(run.run.points[0]!)] as const, ...run.run.points.map((p) => [p.timeS, pick(p)] as const)],
    color,
    dashed,
  });
  const top = (values: number[], floor: number) => Math.max(floor, ...values) * 1.1;
  const window = (height: number): Series => ({
    label: `Trigger (${trigger.startS}–${trigger.startS + trigger.durationS} s)`,
    points: [
      [trigger.startS, 0],
      [trigger.startS, height],
      [trigger.startS + trigger.durationS, height],
      [trigger.startS + trigger.durationS, 0],
    ],
    color: 3,
    dashed: true,
  });
  const goodputTop = top([...chosen.run.points, ...other.run.points].map((p) => p.goodput), capacity);
  const offeredTop = top([...chosen.run.points, ...other.run.points].map((p) => p.offered), capacity);
  const queueTop = top([...chosen.run.points, ...other.run.points].map((p) => p.queue), 10);
  const summary = (run: LabelledRun) =>
    `${run.label}: ${formatRate(run.run.goodput.before)} before, ${formatRate(run.run.goodput.during)} during, ${formatRate(run.run.goodput.after)} after (${verdict(run.run).toLowerCase()})`;
  const last = (run: LabelledRun) => run.run.points.at(-1)!;
  return (
    <div class="metastable-charts">
      <LineChart
        title="Goodput over time"
        description={`Answers per second that reached their client before its timeout, with ${triggerText}. ${summary(chosen)}; ${summary(other)}.`}
        series={[series((p) => p.goodput)(chosen, 1), series((p) => p.goodput)(other, 0, true), window(goodputTop)]}
        xLabel="Time (s)"
        yLabel="Goodput (answers/s)"
        xDomain={[0, durationS]}
        yDomain={[0, goodputTop]}
        xFormat={seconds}
        rules={[{ y: capacity, label: `capacity ${whole.format(capacity)}/s`, color: 4 }]}
        height={260}
      />
      <LineChart
        title="Offered load, retries included"
        description={`Attempts sent per second, first attempts and retries together. At the end: ${whole.format(last(chosen).offered)} per second with ${chosen.label.toLowerCase()}, ${whole.format(last(other).offered)} per second with ${other.label.toLowerCase()}, against a capacity of ${whole.format(capacity)}.`}
        series={[series((p) => p.offered)(chosen, 1), series((p) => p.offered)(other, 0, true), window(offeredTop)]}
        xLabel="Time (s)"
        yLabel="Attempts sent (per s)"
        xDomain={[0, durationS]}
        yDomain={[0, offeredTop]}
        xFormat={seconds}
        rules={[{ y: capacity, label: `capacity ${whole.format(capacity)}/s`, color: 4 }]}
        height={240}
      />
      <LineChart
        title="Requests at the server"
        description={`Requests waiting or in service. At the end: ${whole.format(last(chosen).queue)} with ${chosen.label.toLowerCase()}, ${whole.format(last(other).queue)} with ${other.label.toLowerCase()}.`}
        series={[series((p) => p.queue)(chosen, 1), series((p) => p.queue)(other, 0, true), window(queueTop)]}
        xLabel="Time (s)"
        yLabel="Queue (requests)"
        xDomain={[0, durationS]}
        yDomain={[0, queueTop]}
        xFormat={seconds}
        yFormat={(y) => whole.format(y)}
        height={240}
      />
    </div>
  );
}
