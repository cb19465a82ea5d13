// Classic mistake: copies served from the cache carry no age header, so the next tier down thinks they are new.
import { VariantEdgeCache, type Copy } from '../support/variants';
export * from '../solution';

export class EdgeCache extends VariantEdgeCache {
  protected override headersOf(copy: Copy): Record<string, string> {
    return { ...copy.response.headers };
  }
}
