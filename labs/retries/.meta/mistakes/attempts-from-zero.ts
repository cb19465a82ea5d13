// Classic mistake: attempts numbered from 0, so attempt() is called with 0, 1, 2, …
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ firstAttempt: 0 });
