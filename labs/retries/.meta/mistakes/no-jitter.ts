// Classic mistake: no jitter; every client that failed together retries together, after exactly the ceiling.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ jitter: (_random, ceiling) => ceiling });
