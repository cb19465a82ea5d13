// Classic mistake: lag as committed − log-end, which is negative whenever the group is behind.
import type { PartitionOffsets } from '../solution';
import { partitionLag as reference } from '../solution';
export * from '../solution';

export function partitionLag(offsets: PartitionOffsets): number {
  reference(offsets);
  return offsets.committedOffset - offsets.logEndOffset;
}
