// Classic mistake: any string of digits is read as a delay, leading zeros and all ("010" as 10 ms).
import { referenceRules, variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  pushback: (raw) => (typeof raw === 'string' && /^[0-9]+$/.test(raw) && Number(raw) < 2 ** 31 ? Number(raw) / 1000 : referenceRules.pushback(raw)),
});
