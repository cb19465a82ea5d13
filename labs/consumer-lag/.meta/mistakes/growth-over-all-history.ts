// Classic mistake: requiring the whole history to rise, so an old dip outside the window hides growth inside it.
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

function growing(samples: readonly LagSample[], windowMs: number): boolean {
  const start = samples[samples.length - 1]!.timeMs - windowMs;
  if (samples[0]!.timeMs > start) return false;
  for (let i = 1; i < samples.length; i++) if (!(samples[i]!.lag > samples[i - 1]!.lag)) return false;
  return true;
}

export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  reference(samples, policy);
  const lag = samples[samples.length - 1]!.lag;
  if (lag >= policy.criticalLag) return 'critical';
  if (growing(samples, policy.windowMs)) return 'growing';
  if (lag >= policy.warningLag) return 'warning';
  return 'ok';
}
