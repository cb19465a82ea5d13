// Subtle mistake: keeping only the samples taken at or after the window start, so the sample that opens the window is dropped when none falls exactly on the start.
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

function growing(samples: readonly LagSample[], windowMs: number): boolean {
  const start = samples[samples.length - 1]!.timeMs - windowMs;
  if (samples[0]!.timeMs > start) return false;
  const inside = samples.filter((s) => s.timeMs >= start);
  if (inside.length < 2) return false;
  for (let i = 1; i < inside.length; i++) if (!(inside[i]!.lag > inside[i - 1]!.lag)) return false;
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
