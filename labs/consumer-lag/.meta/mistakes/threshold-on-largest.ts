// Classic mistake: comparing the largest lag in the series with the thresholds, so a spike that has passed still alerts.
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  const alert = reference(samples, policy);
  const largest = Math.max(...samples.map((s) => s.lag));
  if (largest >= policy.criticalLag) return 'critical';
  if (alert === 'growing') return alert;
  return largest >= policy.warningLag ? 'warning' : 'ok';
}
