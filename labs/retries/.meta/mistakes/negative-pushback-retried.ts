// Classic mistake: a negative pushback read as a delay (its absolute value), so the client retries when the server said stop.
import { referenceRules, variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  pushback: (raw) => (typeof raw === 'string' && /^-[1-9][0-9]*$/.test(raw) ? Number(raw.slice(1)) / 1000 : referenceRules.pushback(raw)),
});
