// Classic mistake: only the caller that started the load sees its failure; callers who joined it get
// undefined instead of the error.
import { VariantSingleFlight } from '../support/variants';
export * from '../solution';

export class SingleFlight extends VariantSingleFlight {
  protected override join<T>(pending: Promise<T>): Promise<T> {
    return pending.catch(() => undefined as T);
  }
}
