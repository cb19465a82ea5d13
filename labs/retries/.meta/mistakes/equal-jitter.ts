// Classic mistake: equal jitter (half the ceiling plus a random half) where the contract asks for full jitter.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ jitter: (random, ceiling) => ceiling / 2 + (random * ceiling) / 2 });
