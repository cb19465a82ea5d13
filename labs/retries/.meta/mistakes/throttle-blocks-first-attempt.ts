// Classic mistake: the throttle is asked before the first attempt too, so a throttled client stops calling at all.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ throttleBeforeFirst: true });
