// Classic mistake: the throttle is never asked, so a client keeps retrying into a server that is failing everything.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ throttleAllows: () => true });
