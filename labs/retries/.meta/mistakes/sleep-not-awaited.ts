// Classic mistake: the sleep is started but not awaited, so the retry goes out at once.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ awaitSleep: false });
