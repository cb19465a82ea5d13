// Classic mistake: the edge stores every response that is not an error, private and no-store included.
import { VariantEdgeCache } from '../support/variants';
import type { HttpResponse } from '../solution';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override stores(response: HttpResponse): boolean {
    return response.status < 500;
  }
}
