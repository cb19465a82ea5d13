// Classic mistake: Erlang C straight from the closed form with aᶜ and c!, which overflow to Infinity (and give NaN) beyond about 170 servers.
import { erlangC as reference } from '../solution';
export * from '../solution';

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

export function erlangC(servers: number, offeredLoad: number): number {
  reference(servers, offeredLoad);
  let sum = 0;
  for (let k = 0; k < servers; k++) sum += offeredLoad ** k / factorial(k);
  const top = (offeredLoad ** servers / factorial(servers)) * (servers / (servers - offeredLoad));
  return top / (sum + top);
}
