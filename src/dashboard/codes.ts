/**
 * What the dashboard generates when the instructor gives none: the join code and the secret. And the
 * addresses where students can reach it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { networkInterfaces } from 'node:os';

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code: 8 characters in two groups, about 40 bits — easy to read off a projector. */
export function generateJoinCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The instructor's secret: 18 random bytes, 24 URL-safe characters (144 bits). */
export function generateSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** The IPv4 addresses of this machine on its networks (not loopback): where students can reach it. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}
