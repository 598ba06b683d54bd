/**
 * "Full jitter" exponential backoff: a random wait between 0 and
 * min(cap, base·2^attempt), so clients that failed together do not retry together.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}
