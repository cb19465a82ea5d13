// Classic mistake: ranking a warning above growth, so a group with one growing partition and one large steady lag reads 'warning'.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference, classifyLag } from '../solution';
export * from '../solution';

const SEVERITY = ['ok', 'growing', 'warning', 'critical'] as const;

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  reference(partitions, policy);
  const alerts = partitions.map((p) => ({ partition: p.partition, alert: classifyLag(p.samples, policy) }));
  const status = SEVERITY[alerts.reduce((most, a) => Math.max(most, SEVERITY.indexOf(a.alert)), 0)]!;
  return { status, partitions: alerts.filter((a) => a.alert === status).map((a) => a.partition).sort((a, b) => a - b) };
}
