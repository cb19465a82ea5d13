// Classic mistake: summing raw differences, so a commit read past the log end subtracts from the other partitions' lag.
import type { PartitionOffsets } from '../solution';
import { totalLag as reference } from '../solution';
export * from '../solution';

export function totalLag(partitions: readonly PartitionOffsets[]): number {
  reference(partitions);
  return partitions.reduce((sum, p) => sum + p.logEndOffset - p.committedOffset, 0);
}
