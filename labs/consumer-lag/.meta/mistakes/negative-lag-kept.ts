// Classic mistake: the raw difference, as kafka-consumer-groups.sh prints it, so a commit read past the log end is a negative lag.
import type { PartitionOffsets } from '../solution';
import { partitionLag as reference } from '../solution';
export * from '../solution';

export function partitionLag(offsets: PartitionOffsets): number {
  reference(offsets);
  return offsets.logEndOffset - offsets.committedOffset;
}
