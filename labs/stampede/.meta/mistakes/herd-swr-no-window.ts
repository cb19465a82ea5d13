// Classic mistake: the harness serves a stale value however old it is (the window is ignored).
import { VariantHerd } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override staleUntil(): number {
    return Number.POSITIVE_INFINITY;
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}
