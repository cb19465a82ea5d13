// Classic mistake: checking the warning threshold before growth, so a growing lag above warningLag is reported as a mere warning.
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  const alert = reference(samples, policy);
  return alert === 'growing' && samples[samples.length - 1]!.lag >= policy.warningLag ? 'warning' : alert;
}
