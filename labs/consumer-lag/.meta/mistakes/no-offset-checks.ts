// Classic mistake: trusting the offsets, so a commit read past the log end gives a negative lag and a bad field gives NaN.
import type { PartitionOffsets } from '../solution';
export * from '../solution';

export function partitionLag(offsets: PartitionOffsets): number {
  return offsets.logEndOffset - offsets.committedOffset;
}
