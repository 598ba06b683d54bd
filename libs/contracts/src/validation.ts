/**
 * class-validator decorators for the finance-specific rules, shared by the
 * gateway (HTTP DTOs) and the services (message DTOs) so both refuse alike.
 */
import { isCurrencyCode, minorDigits, parseDecimal } from '@finstack/money';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** What IsDecimalAmount asks of a value, after the value's name. */
export const DECIMAL_AMOUNT_RULE = 'must be a decimal string such as "-12.34", below 10^12 in size and with at most 4 decimals';
/** What IsCurrency asks of a value, after the value's name. */
export const CURRENCY_RULE = 'must be an upper-case ISO 4217 currency code such as "EUR"';

/** A class-validator decorator from a test and the message of a failure. */
export function defineConstraint(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  defaultMessage: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate, defaultMessage },
    });
}

/** "-12.34": at most 12 integer digits (|x| < 10^12), at most 4 decimals, no exponent. */
export const IsDecimalAmount = (options?: ValidationOptions) =>
  defineConstraint(
    'isDecimalAmount',
    (value) => typeof value === 'string' && parseDecimal(value) !== undefined,
    (args) => `${args.property} ${DECIMAL_AMOUNT_RULE}`,
    options,
  );

/** A non-zero amount: spent is negative, received is positive, nothing is neither. */
export const IsNonZeroAmount = (options?: ValidationOptions) =>
  defineConstraint(
    'isNonZeroAmount',
    (value) => typeof value !== 'string' || !/^-?[0.]+$/.test(value),
    (args) => `${args.property} must not be zero (negative for money spent, positive for money received)`,
    options,
  );

export const IsCurrency = (options?: ValidationOptions) =>
  defineConstraint(
    'isCurrency',
    (value) => isCurrencyCode(value),
    (args) => `${args.property} ${CURRENCY_RULE}`,
    options,
  );

/** The amount has no more decimals than the sibling `currency` field allows (USD 2, JPY 0, KWD 3). */
export const FitsCurrency = (currencyProperty: string, options?: ValidationOptions) =>
  defineConstraint(
    'fitsCurrency',
    (value, args) => {
      const currency = (args.object as Record<string, unknown>)[currencyProperty];
      if (typeof value !== 'string' || !isCurrencyCode(currency)) return true; // other rules report these
      const parsed = parseDecimal(value);
      return parsed === undefined || parsed.fraction.length <= minorDigits(currency);
    },
    (args) => {
      const currency = (args.object as Record<string, unknown>)[currencyProperty] as string;
      return `${args.property} has more decimals than ${currency} allows (${minorDigits(currency)})`;
    },
    options,
  );

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD" between 1900 and 2999: no 2024-02-30. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  defineConstraint(
    'isCalendarDate',
    isCalendarDate,
    (args) => `${args.property} must be a real date written YYYY-MM-DD, between 1900 and 2999`,
    options,
  );

/** Rejects strings that are only white space, which @Length alone lets through. */
export const IsNotBlank = (options?: ValidationOptions) =>
  defineConstraint(
    'isNotBlank',
    (value) => typeof value !== 'string' || value.trim().length > 0,
    (args) => `${args.property} must not be blank`,
    options,
  );
