/**
 * Exact fixed-point numbers that are not money of a currency: share
 * quantities and per-share prices, stored as integers of 10^-scale
 * (micro-shares, micro-units of price). Products of two such numbers stay
 * exact as bigints at the sum of their scales.
 */
const UNSIGNED = /^(\d{1,12})(?:\.(\d+))?$/;

/** "12.5" at scale 6 → 12500000n; undefined for signs, exponents, more than `scale` decimals or ≥ 10^12. */
export function parseScaled(text: string, scale: number): bigint | undefined {
  const match = UNSIGNED.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > scale) return undefined;
  return BigInt(match[1] + fraction.padEnd(scale, '0'));
}

/**
 * 12500000n at scale 6 → "12.5"; trailing zeros dropped down to
 * `minDecimals` (2 reads "12.50"). Negative values keep their sign.
 */
export function formatScaled(value: bigint, scale: number, minDecimals = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction.length > 0 ? `.${fraction}` : ''}`;
}
