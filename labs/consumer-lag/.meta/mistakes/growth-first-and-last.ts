// Classic mistake: judging growth from the first and last samples of the window only, so a dip in between goes unseen.
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

function growing(samples: readonly LagSample[], windowMs: number): boolean {
  const start = samples[samples.length - 1]!.timeMs - windowMs;
  const open = samples.findLastIndex((s) => s.timeMs <= start);
  return open >= 0 && samples[samples.length - 1]!.lag > samples[open]!.lag;
}

export function classifyLag(samples: readonly LagSample[], policy: AlertPolicy): LagAlert {
  reference(samples, policy);
  const lag = samples[samples.length - 1]!.lag;
  if (lag >= policy.criticalLag) return 'critical';
  if (growing(samples, policy.windowMs)) return 'growing';
  if (lag >= policy.warningLag) return 'warning';
  return 'ok';
}
