import { DomainError, ErrorCode } from '@finstack/contracts';
import { decimalPlaces, fromMinorUnits, minorDigits, toMinorUnits } from '@finstack/money';

export interface StoredAmount {
  amountMinor: bigint;
  currency: string;
}

/**
 * The amount after a patch that changes the amount, the currency or both,
 * checked against what is stored: a new currency alone keeps the amount
 * ("12.50" USD becomes "12.50" EUR) if the currency can hold it exactly.
 */
export function changeAmount(stored: StoredAmount, patch: { amount?: string; currency?: string }): StoredAmount {
  const currency = patch.currency ?? stored.currency;
  const digits = minorDigits(currency);
  if (patch.amount !== undefined) {
    if (decimalPlaces(patch.amount) > digits) {
      throw tooManyDecimals(`amount ${patch.amount}`, currency, digits);
    }
    return { amountMinor: toMinorUnits(patch.amount, digits), currency };
  }
  const storedDigits = minorDigits(stored.currency);
  const amountMinor = rescale(stored.amountMinor, storedDigits, digits);
  if (amountMinor === undefined) {
    throw tooManyDecimals(`the stored amount ${fromMinorUnits(stored.amountMinor, storedDigits)}`, currency, digits);
  }
  return { amountMinor, currency };
}

/** Minor units at another scale, or undefined when the value would have to be rounded. */
function rescale(minor: bigint, fromDigits: number, toDigits: number): bigint | undefined {
  if (toDigits >= fromDigits) return minor * 10n ** BigInt(toDigits - fromDigits);
  const divisor = 10n ** BigInt(fromDigits - toDigits);
  return minor % divisor === 0n ? minor / divisor : undefined;
}

function tooManyDecimals(what: string, currency: string, digits: number): DomainError {
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `${what} has more decimals than ${currency} allows (${digits}); send amount and currency together`,
    [{ field: 'patch.amount', errors: [`amount has more decimals than ${currency} allows (${digits})`] }],
  );
}
