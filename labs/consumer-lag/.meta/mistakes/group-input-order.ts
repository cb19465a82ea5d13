// Classic mistake: listing the partitions in the order they were given rather than in increasing order.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference } from '../solution';
export * from '../solution';

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  const real = reference(partitions, policy);
  return { status: real.status, partitions: partitions.map((p) => p.partition).filter((p) => real.partitions.includes(p)) };
}
