// Classic mistake: listing every partition, not only those at the group's status, so the one to look at is lost among the rest.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference } from '../solution';
export * from '../solution';

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  const real = reference(partitions, policy);
  return { status: real.status, partitions: partitions.map((p) => p.partition).sort((a, b) => a - b) };
}
