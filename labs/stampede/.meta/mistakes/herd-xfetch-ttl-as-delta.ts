// Classic mistake (the source article's), in the harness: XFetch's look-ahead is scaled by the TTL
// instead of the load time δ.
import { VariantHerd } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override lookAhead(): number {
    return this.scenario.ttl * (this.scenario.beta ?? 1);
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}
