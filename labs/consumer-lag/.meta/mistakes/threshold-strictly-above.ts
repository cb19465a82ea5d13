// Classic mistake: alerting only strictly above a threshold (lag > warningLag), so a lag of exactly the threshold is "ok".
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  const alert = reference(samples, policy);
  const lag = samples[samples.length - 1]!.lag;
  if (alert === 'critical' && lag === policy.criticalLag) return lag > policy.warningLag ? 'warning' : 'ok';
  if (alert === 'warning' && lag === policy.warningLag) return 'ok';
  return alert;
}
