const DECIMALS = 4;
const SCALE = 10n ** BigInt(DECIMALS);

/**
 * numerator / denominator rounded half away from zero to 4 decimals, computed
 * on the exact minor units; null when the denominator is zero.
 */
export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let scaled = (n * SCALE) / d;
  if (((n * SCALE) % d) * 2n >= d) scaled += 1n;
  const value = Number(scaled) / Number(SCALE);
  return negative && value !== 0 ? -value : value;
}
