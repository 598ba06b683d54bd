import { parseScaled } from '@finstack/money';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Share quantities and per-share prices are fixed-point with 6 decimals (see @finstack/money scaled). */
export const QUANTITY_SCALE = 6;
export const PRICE_SCALE = 6;

/** "AAPL", "BRK.B", "RDS-A": a letter, then up to 11 letters, digits, dots or dashes. */
export const TICKER = /^[A-Z][A-Z0-9.-]{0,11}$/;

/** Tickers compare in upper case, whatever the caller typed. */
export const NormaliseTicker = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** A non-negative decimal string with at most `scale` decimals, below 10^12; `positive` also refuses zero. */
export const IsScaledDecimal = (scale: number, options: { positive?: boolean } = {}, validation?: ValidationOptions) =>
  (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isScaledDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validation,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const parsed = parseScaled(value, scale);
          return parsed !== undefined && (!options.positive || parsed > 0n);
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a ${options.positive ? 'positive' : 'non-negative'} decimal string such as "12.5", ` +
          `below 10^12 and with at most ${scale} decimals`,
      },
    });
