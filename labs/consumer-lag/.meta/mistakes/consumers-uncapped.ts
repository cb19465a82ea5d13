// Classic mistake (the source article's): every consumer counted as working, however few partitions there are.
import type { ConsumerAssignment } from '../solution';
import { consumerAssignment as reference } from '../solution';
export * from '../solution';

export function consumerAssignment(consumers: number, partitions: number): ConsumerAssignment {
  const { maxPartitionsPerConsumer } = reference(consumers, partitions);
  return { active: consumers, idle: 0, maxPartitionsPerConsumer };
}
