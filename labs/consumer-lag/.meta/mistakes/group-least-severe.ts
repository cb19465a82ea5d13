// Classic mistake: reporting the healthiest partition's alert, as if the group were as good as its best partition.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference, classifyLag } from '../solution';
export * from '../solution';

const SEVERITY = ['ok', 'warning', 'growing', 'critical'] as const;

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  reference(partitions, policy);
  const alerts = partitions.map((p) => ({ partition: p.partition, alert: classifyLag(p.samples, policy) }));
  const best = alerts.reduce((least, a) => Math.min(least, SEVERITY.indexOf(a.alert)), SEVERITY.length - 1);
  const status = alerts.length ? SEVERITY[best]! : 'ok';
  return { status, partitions: alerts.filter((a) => a.alert === status).map((a) => a.partition).sort((a, b) => a - b) };
}
