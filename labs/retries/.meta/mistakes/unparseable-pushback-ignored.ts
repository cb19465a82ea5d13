// Classic mistake: a pushback that does not parse is ignored and the normal backoff used, though A6 reads it as: do not retry.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({
  pushback: (raw) => {
    const ms = Number.parseInt(String(raw), 10);
    return Number.isNaN(ms) ? undefined : ms < 0 ? 'stop' : ms / 1000;
  },
});
