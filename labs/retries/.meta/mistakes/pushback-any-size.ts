// Classic mistake: a pushback too large for 32 bits is still read as a delay.
import { referenceRules, variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  pushback: (raw) => (typeof raw === 'string' && /^[1-9][0-9]*$/.test(raw) ? Number(raw) / 1000 : referenceRules.pushback(raw)),
});
