// Classic mistake: no default for β, so when it is left out δ·β·ln(rand) is NaN and no value is ever
// recomputed early.
import { VariantXFetch } from '../support/variant';
import { type XFetchOptions } from '../solution';
export * from '../solution';

export class XFetchCache<V> extends VariantXFetch<V> {
  protected override betaOf(options: XFetchOptions): number {
    return options.beta as number;
  }
}
