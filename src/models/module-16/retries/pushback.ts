/**
 * Server pushback (gRFC A6, "Pushback"): a server that fails a call may add the metadata
 * `grpc-retry-pushback-ms`. Its value is an ASCII signed 32-bit integer with no unnecessary leading
 * zeros: how many milliseconds the client should wait before it retries. A negative value, or one
 * that does not parse, tells the client not to retry at all.
 */

/** What a `grpc-retry-pushback-ms` value asks of the client. */
export type Pushback =
  /** Retry, if the policy allows one, after exactly this many seconds. */
  | { retry: true; delaySeconds: number }
  /** Do not retry this call. */
  | { retry: false };

/** The largest signed 32-bit integer, 2^31 − 1. */
const MAX_INT32 = 2147483647;

/**
 * Reads the raw value of `grpc-retry-pushback-ms`. A non-negative integer written in decimal without
 * leading zeros ("0", "250", "2147483647") is a delay; anything else ("-1", "010", "1.5", " 5", "",
 * "2147483648") means: do not retry.
 */
export function readPushback(raw: string): Pushback {
  if (!/^(0|[1-9][0-9]*)$/.test(raw)) return { retry: false };
  const ms = Number(raw);
  return ms <= MAX_INT32 ? { retry: true, delaySeconds: ms / 1000 } : { retry: false };
}
