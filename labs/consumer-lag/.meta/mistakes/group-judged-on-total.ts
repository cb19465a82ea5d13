// Classic mistake: judging the group by its summed lag, so one partition that keeps growing hides behind others that drain.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference, classifyLag } from '../solution';
export * from '../solution';

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  const real = reference(partitions, policy);
  const first = partitions[0];
  if (!first || partitions.some((p) => p.samples.length !== first.samples.length)) return real;
  const total = first.samples.map((s, i) => ({ timeMs: s.timeMs, lag: partitions.reduce((sum, p) => sum + p.samples[i]!.lag, 0) }));
  return { status: classifyLag(total, policy), partitions: partitions.map((p) => p.partition).sort((a, b) => a - b) };
}
