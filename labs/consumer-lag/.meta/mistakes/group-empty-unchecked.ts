// Classic mistake: returning at once for an empty group, so a bad policy goes unnoticed until the first partition appears.
import type { AlertPolicy, GroupStatus, PartitionSeries } from '../solution';
import { classifyGroup as reference } from '../solution';
export * from '../solution';

export function classifyGroup(partitions: readonly PartitionSeries[], policy: AlertPolicy): GroupStatus {
  if (partitions.length === 0) return { status: 'ok', partitions: [] };
  return reference(partitions, policy);
}
