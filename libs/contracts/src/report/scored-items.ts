import { isCurrencyCode, minorDigits, parseDecimal } from '@finstack/money';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { isCalendarDate } from '../validation';
import { MAX_SCORED_TRANSACTIONS } from './limits';

/** Problems listed in one refusal; a list of 10,000 bad items would otherwise make a message of megabytes. */
const MAX_LISTED_PROBLEMS = 10;

export const MAX_SCORED_DESCRIPTION = 500;

/** Which fields an item may carry: over HTTP a date and a description too, over TCP only what counts. */
export type ScoredItemFields = 'amount-and-currency' | 'with-date-and-description';

/**
 * What is wrong with the items of a score list, in order: the same rules as
 * IsDecimalAmount, IsCurrency, FitsCurrency, IsCalendarDate and the
 * whitelist, applied by plain functions.
 */
export function scoredItemProblems(items: readonly unknown[], fields: ScoredItemFields, limit = MAX_LISTED_PROBLEMS): string[] {
  const problems: string[] = [];
  for (let i = 0; i < items.length && problems.length < limit; i++) {
    const item = items[i];
    const at = `transactions.${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at} must be an object with amount and currency`);
      continue;
    }
    const { amount, currency, occurredOn, description } = item as Record<string, unknown>;
    for (const key of Object.keys(item)) {
      if (!isKnownField(key, fields)) problems.push(`property ${at}.${key} should not exist`);
    }
    const parsed = typeof amount === 'string' ? parseDecimal(amount) : undefined;
    if (parsed === undefined) {
      problems.push(`${at}.amount must be a decimal string such as "-12.34", below 10^12 in size and with at most 4 decimals`);
    }
    if (!isCurrencyCode(currency)) {
      problems.push(`${at}.currency must be an upper-case ISO 4217 currency code such as "EUR"`);
    } else if (parsed !== undefined && parsed.fraction.length > minorDigits(currency)) {
      problems.push(`${at}.amount has more decimals than ${currency} allows (${minorDigits(currency)})`);
    }
    if (occurredOn !== undefined && !isCalendarDate(occurredOn)) {
      problems.push(`${at}.occurredOn must be a real date written YYYY-MM-DD, between 1900 and 2999`);
    }
    if (description !== undefined && (typeof description !== 'string' || description.length > MAX_SCORED_DESCRIPTION)) {
      problems.push(`${at}.description must be text of at most ${MAX_SCORED_DESCRIPTION} characters`);
    }
  }
  return problems.slice(0, limit);
}

function isKnownField(key: string, fields: ScoredItemFields): boolean {
  if (key === 'amount' || key === 'currency') return true;
  return fields === 'with-date-and-description' && (key === 'occurredOn' || key === 'description');
}

const TOO_MANY = `transactions must hold at most ${MAX_SCORED_TRANSACTIONS} items; split the list`;

/**
 * Checks the size of the list, then every item, in one constraint (a list
 * too long is refused without looking at its items). Nested DTOs
 * (ValidateNested) cost about 40 µs an item in class-transformer and
 * class-validator: 0.3 to 0.8 s for 10,000 items at each hop, against a few
 * milliseconds here. The message names the first problems by index.
 */
export const AreScoredItems = (fields: ScoredItemFields): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'areScoredItems',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value: unknown) =>
        !Array.isArray(value) || (value.length <= MAX_SCORED_TRANSACTIONS && scoredItemProblems(value, fields, 1).length === 0),
      defaultMessage: ({ value }: ValidationArguments) => {
        const items = value as unknown[];
        if (items.length > MAX_SCORED_TRANSACTIONS) return TOO_MANY;
        const problems = scoredItemProblems(items, fields, MAX_LISTED_PROBLEMS + 1);
        const more = problems.length > MAX_LISTED_PROBLEMS ? '; and more' : '';
        return problems.slice(0, MAX_LISTED_PROBLEMS).join('; ') + more;
      },
    },
  });
