import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A link token: 256 random bits, URL-safe. Only its sha256 is stored. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Six decimal digits, uniformly drawn. */
export const newSixDigitCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A short code is hashed with what it belongs to, so one hash never matches another account's code. */
export const hashCode = (owner: string, code: string): string => createHash('sha256').update(`${owner}\n${code}`, 'utf8').digest('hex');

/** Compares two hex hashes of equal length in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
