// Classic mistake: Erlang B (the chance of being turned away when there is no queue) in place of Erlang C (the chance of waiting).
import { erlangC as reference } from '../solution';
export * from '../solution';

export function erlangC(servers: number, offeredLoad: number): number {
  reference(servers, offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}
