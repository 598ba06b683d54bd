import { DomainError, ErrorCode } from '@finstack/contracts';
import { currenciesByDigits, toMinorUnits, toMinorUnitsRounded } from '@finstack/money';

/** One currency class of an amount filter: its currencies and the bounds in their minor units. */
export interface MinorUnitRange {
  currencies: readonly string[];
  min?: bigint;
  max?: bigint;
}

/** Decimals an amount may have at most (see parseDecimal): enough to compare any two bounds exactly. */
const FINEST_SCALE = 4;

/**
 * Translates an inclusive decimal range into minor units for each class of
 * currencies with the same number of minor digits: 10.005 is at least 1001
 * cents but at least 10005 fils. The lower bound rounds up and the upper down,
 * so the comparison stays exact. Classes that cannot match are left out.
 */
export function minorUnitRanges(minAmount?: string, maxAmount?: string): MinorUnitRange[] {
  if (
    minAmount !== undefined &&
    maxAmount !== undefined &&
    toMinorUnits(minAmount, FINEST_SCALE) > toMinorUnits(maxAmount, FINEST_SCALE)
  ) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'minAmount must not be greater than maxAmount', [
      { field: 'query.minAmount', errors: ['minAmount must not be greater than maxAmount'] },
    ]);
  }
  const ranges: MinorUnitRange[] = [];
  for (const [digits, currencies] of currenciesByDigits()) {
    const min = minAmount === undefined ? undefined : toMinorUnitsRounded(minAmount, digits, 'ceil');
    const max = maxAmount === undefined ? undefined : toMinorUnitsRounded(maxAmount, digits, 'floor');
    if (min !== undefined && max !== undefined && min > max) continue;
    ranges.push({ currencies, min, max });
  }
  return ranges;
}
