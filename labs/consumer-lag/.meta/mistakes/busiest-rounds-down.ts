// Classic mistake: partitions / consumers rounded down, which leaves the remainder's partitions unowned.
import type { ConsumerAssignment } from '../solution';
import { consumerAssignment as reference } from '../solution';
export * from '../solution';

export function consumerAssignment(consumers: number, partitions: number): ConsumerAssignment {
  const { active, idle } = reference(consumers, partitions);
  return { active, idle, maxPartitionsPerConsumer: Math.max(1, Math.floor(partitions / consumers)) };
}
