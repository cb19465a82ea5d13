// Classic mistake: trusting the offsets, so a committed offset beyond the log gives a negative lag and a bad field gives NaN.
import type { PartitionOffsets } from '../solution';
export * from '../solution';

export function partitionLag(offsets: PartitionOffsets): number {
  return offsets.logEndOffset - offsets.committedOffset;
}
