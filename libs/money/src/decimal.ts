/**
 * Exact conversions between API decimal strings ("-12.34") and integer minor
 * units (bigint). No floating point anywhere: money never goes through Number.
 */
const DECIMAL = /^(-)?(\d{1,12})(?:\.(\d{1,4}))?$/;

export interface ParsedDecimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** Parses "-123.45"; undefined for anything else (exponents, commas, >12 integer or >4 decimal digits). */
export function parseDecimal(text: string): ParsedDecimal | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  return { negative: match[1] === '-', whole: match[2], fraction: match[3] ?? '' };
}

export function decimalPlaces(text: string): number {
  return parseDecimal(text)?.fraction.length ?? 0;
}

/**
 * "-12.34" at 2 digits → -1234n. The caller has already checked that the text
 * has no more decimals than `digits`; a longer fraction is refused, not rounded.
 */
export function toMinorUnits(text: string, digits: number): bigint {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`not a decimal amount: ${text}`);
  if (parsed.fraction.length > digits) throw new RangeError(`${text} has more than ${digits} decimals`);
  const magnitude = BigInt(parsed.whole + parsed.fraction.padEnd(digits, '0'));
  return parsed.negative ? -magnitude : magnitude;
}

/**
 * Scales a decimal bound to minor units, rounding toward the side that keeps
 * the comparison exact: `ceil` for a lower bound, `floor` for an upper bound.
 */
export function toMinorUnitsRounded(text: string, digits: number, mode: 'ceil' | 'floor'): bigint {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`not a decimal amount: ${text}`);
  const kept = parsed.fraction.slice(0, digits).padEnd(digits, '0');
  const dropped = parsed.fraction.slice(digits);
  let magnitude = BigInt(parsed.whole + kept);
  const hasRemainder = /[1-9]/.test(dropped);
  if (hasRemainder) {
    // Away from zero for ceil on positives / floor on negatives; toward zero otherwise.
    const awayFromZero = (mode === 'ceil') !== parsed.negative;
    if (awayFromZero) magnitude += 1n;
  }
  return parsed.negative ? -magnitude : magnitude;
}

/** -1234n at 2 digits → "-12.34"; always prints exactly `digits` decimals. */
export function fromMinorUnits(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const magnitude = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}
