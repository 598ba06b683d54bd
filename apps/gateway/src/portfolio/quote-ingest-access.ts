import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a caller's X-Api-Key is the configured ingest key. Both sides are
 * hashed first so the comparison takes the same time whatever the length or
 * the first differing byte: nothing about the key leaks through timing.
 */
export function apiKeyMatches(given: string, configured: string | undefined): boolean {
  if (configured === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(configured));
}
