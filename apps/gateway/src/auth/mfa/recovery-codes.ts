import { randomInt } from 'node:crypto';
import { hashCode } from '../one-time-secrets';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L: codes are read off paper and typed by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A code like "k7pm-x2qa-9rtd": 12 characters of a 31-letter alphabet, about 59 random bits. */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** What a person typed, as stored: case, spaces and dashes do not matter. Null when it cannot be a code. */
export function normalizedRecoveryCode(typed: string): string | null {
  const compact = typed.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== GROUPS * GROUP_LENGTH || ![...compact].every((c) => ALPHABET.includes(c))) return null;
  return compact;
}

/**
 * The stored hash of a code, bound to its owner. A fast hash is enough: the
 * codes are random with ~59 bits, not chosen by people, so there is no
 * dictionary to try, and the second step is itself limited to five tries.
 */
export const hashRecoveryCode = (userId: string, normalized: string): string => hashCode(userId, normalized);
