/**
 * The lesson's capacity calculator: λ, service time and a target utilization in; the course's own
 * capacity model (src/models/module-16/littles-law/capacity.ts, the littles-law lab's reference solution) out. Rendered to
 * HTML at build time with the default workload, so the page shows a correct plan without JavaScript;
 * hydrated when scrolled into view, it recomputes on every keystroke.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import TextField from '../../common/TextField';
import {
  DEFAULT_CAPACITY_FORM,
  readCapacityForm,
  type CapacityField,
  type CapacityFormInput,
} from './capacity-form';

const fields: { name: CapacityField; label: string; unit: string }[] = [
  { name: 'arrivalRate', label: 'Arrival rate λ', unit: 'requests/s' },
  { name: 'serviceTimeMs', label: 'Service time E[S]', unit: 'ms' },
  { name: 'targetPercent', label: 'Target utilization', unit: '%' },
];

const count = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export default function CapacityCalculator() {
  // Prefixed: useId counts from each island's root, so another widget on the page could mint the same id.
  const id = `capacity-${useId()}`;
  const [input, setInput] = useState<CapacityFormInput>(DEFAULT_CAPACITY_FORM);
  const result = useMemo(() => readCapacityForm(input), [input]);
  const errors = result.ok ? {} : result.errors;

  return (
    <form class="widget not-content" aria-label="Capacity calculator" data-widget="capacity-calculator" onSubmit={(e) => e.preventDefault()}>
      <div class="widget-fields">
        {fields.map(({ name, label, unit }) => (
          <TextField
            key={name}
            formId={id}
            name={name}
            label={`${label} (${unit})`}
            value={input[name]}
            error={errors[name]}
            onInput={(value) => setInput({ ...input, [name]: value })}
          />
        ))}
      </div>
      <output aria-live="polite" for={fields.map((f) => `${id}-${f.name}`).join(' ')}>
        {result.ok ? (
          <dl class="widget-results">
            <div>
              <dt>Requests in service (λ·E[S])</dt>
              <dd data-result="inService">{count.format(result.plan.inService)}</dd>
            </div>
            <div>
              <dt>Fewest stable servers</dt>
              <dd data-result="minServers">{result.plan.minServers}</dd>
            </div>
            <div>
              <dt>Recommended servers</dt>
              <dd data-result="recommendedServers">{result.plan.recommendedServers}</dd>
            </div>
            <div>
              <dt>Utilization at that count</dt>
              <dd data-result="utilization">{percent.format(result.plan.utilization)}</dd>
            </div>
          </dl>
        ) : (
          <p class="widget-note">Fix the highlighted field to see the plan.</p>
        )}
      </output>
    </form>
  );
}
