import { PRICE_SCALE, QUANTITY_SCALE } from '@finstack/contracts';
import { formatScaled, parseScaled } from '@finstack/money';

/** quantity × price: exact at the sum of the two scales. */
export const VALUE_SCALE = QUANTITY_SCALE + PRICE_SCALE;

function scaled(text: string, scale: number): bigint {
  const value = parseScaled(text, scale);
  // The message DTOs let only valid text through; anything else is a bug, not the caller's mistake.
  if (value === undefined) throw new RangeError(`not a decimal with at most ${scale} decimals: ${text}`);
  return value;
}

/** "150.25" → 150250000n micro-units. */
export const priceMicro = (text: string): bigint => scaled(text, PRICE_SCALE);
export const quantityMicro = (text: string): bigint => scaled(text, QUANTITY_SCALE);

/** Per-share money: "150.25", "0.10", "0.000001". */
export const priceText = (micro: bigint): string => formatScaled(micro, PRICE_SCALE, 2);
/** Shares: "10", "1.5". */
export const quantityText = (micro: bigint): string => formatScaled(micro, QUANTITY_SCALE);
/** A value at VALUE_SCALE: "0.30", "150.185184". */
export const valueText = (value: bigint): string => formatScaled(value, VALUE_SCALE, 2);
