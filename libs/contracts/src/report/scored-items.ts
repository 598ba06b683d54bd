import { isCurrencyCode, minorDigits, parseDecimal } from '@finstack/money';
import { AreBatchItems, MAX_LISTED_PROBLEMS } from '../item-batch';
import { CURRENCY_RULE, DECIMAL_AMOUNT_RULE, isCalendarDate } from '../validation';
import { MAX_SCORED_TRANSACTIONS } from './limits';

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
      problems.push(`${at}.amount ${DECIMAL_AMOUNT_RULE}`);
    }
    if (!isCurrencyCode(currency)) {
      problems.push(`${at}.currency ${CURRENCY_RULE}`);
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

/** Checks the size of a score list (too long is refused without looking at its items), then every item. */
export const AreScoredItems = (fields: ScoredItemFields): PropertyDecorator =>
  AreBatchItems('areScoredItems', {
    sizeProblem: (items) => (items.length > MAX_SCORED_TRANSACTIONS ? TOO_MANY : undefined),
    itemProblems: (items, limit) => scoredItemProblems(items, fields, limit),
  });
