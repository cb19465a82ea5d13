// Classic mistake: the scheduler runs each process to its end in array order and ignores the schedule, so no race can ever be replayed.
import { interleave as reference, type Process } from '../solution';
export * from '../solution';

export function interleave(processes: readonly Process[], schedule: readonly number[]): void {
  reference([], schedule.filter((i) => !(Number.isInteger(i) && i >= 0 && i < processes.length)).length ? [-1] : []);
  for (const process of processes) while (!process.done) process.step();
}
