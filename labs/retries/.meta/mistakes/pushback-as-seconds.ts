// Classic mistake: the pushback's milliseconds read as seconds, so "250" waits four minutes.
import { referenceRules, variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  pushback: (raw) => {
    const read = referenceRules.pushback(raw);
    return typeof read === 'number' ? read * 1000 : read;
  },
});
