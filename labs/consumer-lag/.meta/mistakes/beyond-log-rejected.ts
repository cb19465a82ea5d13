// Classic mistake: treating a commit past the log end as impossible and throwing, though it is routine sampling skew (Burrow counts it as 0).
import type { PartitionOffsets } from '../solution';
import { partitionLag as reference } from '../solution';
export * from '../solution';

export function partitionLag(offsets: PartitionOffsets): number {
  const lag = reference(offsets);
  if (offsets.committedOffset > offsets.logEndOffset) throw new RangeError('committedOffset is beyond logEndOffset');
  return lag;
}
