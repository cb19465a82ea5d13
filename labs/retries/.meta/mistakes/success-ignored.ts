// Classic mistake: successes are never reported, so the bucket only drains and retries stop for good.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ reportSuccess: false });
