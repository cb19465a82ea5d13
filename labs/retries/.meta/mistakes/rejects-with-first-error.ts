// Classic mistake: the call rejects with the first attempt's error, not the last one's.
import { variantCall } from '../support/variants';
export * from '../solution';

export const callWithRetries = variantCall({ rejectWithFirst: true });
