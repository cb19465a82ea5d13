/**
 * The lesson's dead-letter walkthrough: five orders through the course's RetryQueue, one delivery per
 * step, with the main queue, the attempt counts, the acked list and the dead-letter queue side by side
 * and a sentence saying what happened. All logic is in src/components/widgets/module-16/dead-letter-walkthrough.ts (a driver
 * over src/models/module-16/dead-letter-queue/retry-queue.ts, the dead-letter-queue lab's reference solution).
 *
 * The lesson passes in the default run, computed by the model at build time (`initial`), so the server
 * renders exactly the first step a reader sees live — with its controls disabled: the static picture.
 * Hydrated, it enables the controls: step forward and back, start over, change the number of attempts,
 * and replay the dead-letter queue with or without fixing the bug (each change reruns the model).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import {
  buildWalkthrough,
  canReplay,
  DEFAULT_PLAN,
  initialStep,
  MAX_ATTEMPTS_CHOICES,
  SCENARIO,
  type WalkthroughPlan,
  type WalkthroughStep,
} from './dead-letter-walkthrough';

const bodyOf = (id: string): string => SCENARIO.find((m) => m.id === id)?.body ?? '';

const outcome: Record<WalkthroughStep['kind'], string> = {
  start: 'Ready',
  acked: 'acked',
  retried: 'failed, retried later',
  'dead-lettered': 'failed, dead-lettered',
  replayed: 'Replayed',
};

export interface DeadLetterWalkthroughProps {
  /** The default plan's steps (buildWalkthrough(DEFAULT_PLAN)), computed at build time. */
  initial?: WalkthroughStep[];
}

export default function DeadLetterWalkthrough({ initial }: DeadLetterWalkthroughProps) {
  const id = useId();
  const [plan, setPlan] = useState<WalkthroughPlan>(DEFAULT_PLAN);
  const [built, setBuilt] = useState<{ plan: WalkthroughPlan; steps: WalkthroughStep[] } | null>(
    initial ? { plan: DEFAULT_PLAN, steps: initial } : null,
  );
  const [index, setIndex] = useState(0);
  const [fixFirst, setFixFirst] = useState(true);
  // Controls work only once hydrated; the server-rendered picture shows them disabled.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  useEffect(() => {
    let current = true;
    buildWalkthrough(plan).then((steps) => {
      if (!current) return;
      setBuilt({ plan, steps });
      // A plan with replays comes from pressing "replay": show the newest replay step. Otherwise the
      // plan is new (start over, another number of attempts) and the reader is at step 1 already.
      if (plan.replays.length) setIndex(lastReplayStep(steps));
    });
    return () => {
      current = false;
    };
  }, [plan]);

  // While a new plan is being run, keep showing the old steps if they start the same way.
  const steps = built && built.plan.maxAttempts === plan.maxAttempts ? built.steps : null;
  const ready = mounted && built !== null && built.plan === plan;
  const step = steps?.[index] ?? initialStep(plan.maxAttempts);
  const last = (steps?.length ?? 1) - 1;

  return (
    <section class="widget dlq not-content" aria-label="Dead-letter walkthrough" data-widget="dead-letter-walkthrough" data-ready={ready ? 'true' : 'false'}>
      <div class="dlq-controls" role="group" aria-label="Walkthrough controls">
        <Control action="back" enabled={ready && index > 0} onPress={() => setIndex(index - 1)}>
          ← Back
        </Control>
        <Control action="next" enabled={ready && index < last} onPress={() => setIndex(index + 1)}>
          Next →
        </Control>
        <Control
          action="reset"
          enabled={ready && (index > 0 || plan.replays.length > 0)}
          onPress={() => {
            setIndex(0);
            if (plan.replays.length) setPlan({ ...plan, replays: [] });
          }}
        >
          Start over
        </Control>
        <span class="dlq-field">
          <label for={`${id}-attempts`}>Attempts before dead-lettering</label>
          <select
            id={`${id}-attempts`}
            name="maxAttempts"
            disabled={!mounted || built === null}
            value={String(plan.maxAttempts)}
            onChange={(e) => {
              setIndex(0);
              setPlan({ maxAttempts: Number(e.currentTarget.value), replays: [] });
            }}
          >
            {MAX_ATTEMPTS_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </span>
      </div>

      <p class="dlq-status">
        <span data-result="step">
          Step {index + 1}
          {steps ? ` of ${steps.length}` : ''}
        </span>
        {step.delivery && (
          <span data-result="delivery">
            {' · '}
            {step.delivery.id}, attempt {step.delivery.attempt}: {outcome[step.kind]}
          </span>
        )}
      </p>
      <p class="dlq-narration" aria-live="polite" data-result="narration">
        {step.narration}
      </p>

      <div class="dlq-columns">
        <div class="dlq-column">
          <h4 id={`${id}-queue`}>Main queue (head first)</h4>
          {step.queue.length ? (
            <ol aria-labelledby={`${id}-queue`} data-result="queue">
              {step.queue.map((m) => (
                <li key={m.id} data-id={m.id} data-failures={m.failures} class={m.failures ? 'dlq-retrying' : undefined}>
                  <span class="dlq-id">{m.id}</span> <span class="dlq-body">{bodyOf(m.id)}</span>{' '}
                  <span class="dlq-count">{m.failures === 0 ? 'no failures yet' : `${m.failures} failed`}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="widget-note" data-result="queue-empty">Empty.</p>
          )}
        </div>
        <div class="dlq-column">
          <h4 id={`${id}-acked`}>Acked</h4>
          {step.acked.length ? (
            <ol aria-labelledby={`${id}-acked`} data-result="acked">
              {step.acked.map((a) => (
                <li key={a} data-id={a}>
                  <span class="dlq-id">{a}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="widget-note" data-result="acked-empty">None yet.</p>
          )}
        </div>
        <div class="dlq-column dlq-dead">
          <h4 id={`${id}-dlq`}>Dead-letter queue</h4>
          {step.deadLetters.length ? (
            <ol aria-labelledby={`${id}-dlq`} data-result="dlq">
              {step.deadLetters.map((d) => (
                <li key={d.id} data-id={d.id} data-attempts={d.attempts}>
                  <span class="dlq-id">{d.id}</span> <span class="dlq-count">after {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}</span>
                  <span class="dlq-error">{d.error}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p class="widget-note" data-result="dlq-empty">Empty.</p>
          )}
        </div>
      </div>

      <div class="dlq-replay">
        <label>
          <input type="checkbox" name="fixFirst" checked={fixFirst} disabled={!mounted || built === null} onChange={(e) => setFixFirst(e.currentTarget.checked)} /> Fix the consumer
          before replaying
        </label>
        <Control action="replay" enabled={ready && steps !== null && canReplay(steps, index)} onPress={() => setPlan({ ...plan, replays: [...plan.replays, { fixFirst }] })}>
          Replay the dead letters
        </Control>
      </div>
    </section>
  );
}

/**
 * A button that stays focusable when it cannot be used (aria-disabled rather than disabled), so a
 * keyboard user who presses "Next" onto the last step keeps their place.
 */
function Control(props: { action: string; enabled: boolean; onPress: () => void; children: ComponentChildren }) {
  return (
    <button type="button" data-action={props.action} aria-disabled={props.enabled ? undefined : 'true'} onClick={() => props.enabled && props.onPress()}>
      {props.children}
    </button>
  );
}

/** The index of the newest "replayed" step. */
function lastReplayStep(steps: readonly WalkthroughStep[]): number {
  for (let i = steps.length - 1; i > 0; i--) if (steps[i]!.kind === 'replayed') return i;
  return 0;
}
