// Classic mistake: the harness draws a rand for every reader, expired or missing values included, so the
// draws no longer line up with the readers that find a fresh value.
import { VariantHerd, type Decision, type HerdState } from '../support/variants';
import { type HerdResult, type HerdScenario } from '../solution';
export * from '../solution';

class Herd extends VariantHerd {
  protected override xfetch(state: HerdState): Decision {
    const rand = this.scenario.random!();
    if (state.now >= state.expiry) return 'load';
    return state.now - this.lookAhead() * Math.log(rand) >= state.expiry ? 'load' : 'hit';
  }
}

export function simulateHerd(scenario: HerdScenario): HerdResult {
  return new Herd(scenario).run();
}
