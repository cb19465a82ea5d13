// Classic mistake: the backoff is not reset after a pushback, so the next wait carries on from where it was.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ resetAfterPushback: false });
