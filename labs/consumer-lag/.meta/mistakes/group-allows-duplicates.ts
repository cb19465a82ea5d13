// Classic mistake: accepting a partition listed twice, so merged monitoring data judges it twice.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference } from '../solution';
export * from '../solution';

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  const unique = partitions.filter((p, i) => partitions.findIndex((q) => q.partition === p.partition) === i);
  return reference(unique, policy);
}
