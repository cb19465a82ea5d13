// Classic mistake: every region's leader writes to the store itself instead of forwarding to the master region's leader, so the master region learns of the write only through the channel, late.
import { VariantTao } from '../support/variants';
export * from '../solution';

export class Tao extends VariantTao {
  protected override coordinator(writer: string): string {
    return writer;
  }
}
