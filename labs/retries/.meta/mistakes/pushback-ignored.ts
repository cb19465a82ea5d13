// Classic mistake: a pushback delay is ignored and the usual jittered backoff used instead.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ pushback: (raw) => (typeof raw === 'string' && /^(0|[1-9][0-9]*)$/.test(raw) ? undefined : 'stop') });
