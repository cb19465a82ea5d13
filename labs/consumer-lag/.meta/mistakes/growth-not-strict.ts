// Classic mistake: counting a flat step as growth (>= instead of >), so a lag that holds still is "growing".
import type { AlertPolicy, LagAlert, LagSample } from '../solution';
import { classifyLag as reference } from '../solution';
export * from '../solution';

function growing(samples: readonly LagSample[], windowMs: number): boolean {
  const start = samples[samples.length - 1]!.timeMs - windowMs;
  const open = samples.findLastIndex((s) => s.timeMs <= start);
  if (open < 0) return false;
  for (let i = open + 1; i < samples.length; i++) if (!(samples[i]!.lag >= samples[i - 1]!.lag)) return false;
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
