// Classic mistake: summing the list as given, so a partition that appears twice has its lag counted twice.
import type { PartitionOffsets } from '../solution';
import { partitionLag } from '../solution';
export * from '../solution';

export function totalLag(partitions: readonly PartitionOffsets[]): number {
  return partitions.reduce((sum, p) => sum + partitionLag(p), 0);
}
