/**
 * The TAO lesson's walkthrough: three regions, each with a leader tier, two follower tiers and a
 * database, and one write travelling through them step by step. Each follower shows what a read there
 * would return at that moment and who answered it. All logic is in tao-walkthrough.ts, a driver over the
 * course's TAO model (the tao-cache lab's reference solution).
 *
 * The lesson passes in the default run, computed by the model at build time (`initial`), so the server
 * renders exactly the first step a reader sees live, with its controls disabled: the static picture.
 * Hydrated, it enables the controls: step forward and back, start over, and choose the writer's region
 * and the lag to each other region (each change reruns the model).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import {
  answerText,
  buildWalkthrough,
  DEFAULT_SETTINGS,
  LAG_CHOICES,
  MASTER,
  REGIONS,
  type Answerer,
  type Region,
  type WalkthroughSettings,
  type WalkthroughStep,
} from './tao-walkthrough';
import './tao-walkthrough.css';

const answeredBy: Record<Answerer, string> = {
  follower: 'from its own cache',
  leader: "from its region's leader",
  database: 'from the database',
};

const lagLabel = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

export interface TaoWalkthroughProps {
  /** The default run's steps (buildWalkthrough(DEFAULT_SETTINGS)), computed at build time. */
  initial?: WalkthroughStep[];
}

export default function TaoWalkthrough({ initial }: TaoWalkthroughProps) {
  const id = `tao-walk-${useId()}`;
  const [settings, setSettings] = useState<WalkthroughSettings>(DEFAULT_SETTINGS);
  const [built, setBuilt] = useState<{ settings: WalkthroughSettings; steps: WalkthroughStep[] } | null>(
    initial ? { settings: DEFAULT_SETTINGS, steps: initial } : null,
  );
  const [index, setIndex] = useState(0);
  // Controls work only once hydrated; the server-rendered picture shows them disabled.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  useEffect(() => {
    if (built?.settings === settings) return;
    let current = true;
    buildWalkthrough(settings).then((steps) => {
      if (current) setBuilt({ settings, steps });
    });
    return () => {
      current = false;
    };
  }, [settings]);

  const ready = mounted && built !== null && built.settings === settings;
  const steps = built?.steps ?? [];
  const step = steps[Math.min(index, steps.length - 1)];
  const last = steps.length - 1;
  const change = (next: WalkthroughSettings) => {
    setIndex(0);
    setSettings(next);
  };

  return (
    <section class="widget tao-walk not-content" aria-label="TAO write walkthrough" data-widget="tao-walkthrough" data-ready={ready ? 'true' : 'false'}>
      <div class="tao-walk-controls" role="group" aria-label="Walkthrough controls">
        <Control action="back" enabled={ready && index > 0} onPress={() => setIndex(index - 1)}>
          ← Back
        </Control>
        <Control action="next" enabled={ready && index < last} onPress={() => setIndex(index + 1)}>
          Next →
        </Control>
        <Control action="reset" enabled={ready && index > 0} onPress={() => setIndex(0)}>
          Start over
        </Control>
      </div>
      <div class="tao-walk-controls" role="group" aria-label="Scenario">
        <span class="tao-walk-field">
          <label for={`${id}-writer`}>Writer's region</label>
          <select id={`${id}-writer`} name="writer" disabled={!mounted} value={settings.writer} onChange={(e) => change({ ...settings, writer: e.currentTarget.value as Region })}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {r === MASTER ? `${r} (master)` : r}
              </option>
            ))}
          </select>
        </span>
        {(['B', 'C'] as const).map((region) => (
          <span class="tao-walk-field" key={region}>
            <label for={`${id}-lag-${region}`}>Lag to region {region}</label>
            <select
              id={`${id}-lag-${region}`}
              name={`lag${region}`}
              disabled={!mounted}
              value={String(settings.lagMs[region])}
              onChange={(e) => change({ ...settings, lagMs: { ...settings.lagMs, [region]: Number(e.currentTarget.value) } })}
            >
              {LAG_CHOICES.map((ms) => (
                <option key={ms} value={String(ms)}>
                  {lagLabel(ms)}
                </option>
              ))}
            </select>
          </span>
        ))}
      </div>

      {step ? (
        <>
          <p class="tao-walk-status">
            <span data-result="step">
              Step {index + 1} of {steps.length}
            </span>
            {' · '}
            <span data-result="time">t = {step.t} ms</span>
          </p>
          <p class="tao-walk-narration" aria-live="polite" data-result="narration">
            {step.narration}
          </p>
          <div class="tao-walk-regions">
            {REGIONS.map((region) => (
              <div class="tao-walk-region" role="group" aria-label={`Region ${region}`} key={region} data-region={region}>
                <p class="tao-walk-region-name">
                  Region {region}
                  {region === MASTER ? ' · master' : ''}
                </p>
                <ul class="tao-walk-followers">
                  {step.reads[region].map((read, i) => (
                    <li
                      key={i}
                      class={part(step, `${region}:follower:${i}`, read.stale ? 'tao-walk-stale' : '')}
                      data-result={`read-${region}${i + 1}`}
                      data-count={read.count}
                      data-newest={read.newest}
                      data-from={read.from}
                      data-stale={read.stale ? 'true' : 'false'}
                    >
                      <span class="tao-walk-tier">
                        Follower {region}
                        {i + 1}
                      </span>
                      <span class="tao-walk-answer">{answerText(read)}</span>
                      <span class="tao-walk-from">
                        {answeredBy[read.from]}
                        {read.stale ? ' · stale' : ''}
                      </span>
                    </li>
                  ))}
                </ul>
                <p class={part(step, `${region}:leader`, 'tao-walk-box')}>Leader tier</p>
                <p class={part(step, `${region}:database`, 'tao-walk-box tao-walk-db')}>{region === MASTER ? 'Master database' : 'Replica database'}</p>
              </div>
            ))}
          </div>
          <p class="tao-walk-flight" data-result="in-flight">
            {step.inFlight.length
              ? `Invalidations on their way: ${step.inFlight.map((m) => `to ${m.region}, arriving at t = ${m.arrives} ms`).join('; ')}.`
              : 'No invalidations on their way.'}
          </p>
        </>
      ) : (
        <p class="tao-walk-status" data-result="step">
          Running the model…
        </p>
      )}
    </section>
  );
}

/** The class of a part of the picture, marked when the step is about it. */
function part(step: WalkthroughStep, name: string, base: string): string {
  return [base, step.active.includes(name) ? 'tao-walk-active' : ''].filter(Boolean).join(' ');
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
