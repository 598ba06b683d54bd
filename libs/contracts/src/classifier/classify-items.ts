import { isCurrencyCode, parseDecimal } from '@finstack/money';
import { isString, length, registerDecorator, ValidationArguments } from 'class-validator';
import { MAX_CATEGORY_BATCH } from '../ledger/categorization.dto';

/** Problems listed in one refusal; a batch of 1,000 bad items would otherwise make a message of megabytes. */
const MAX_LISTED_PROBLEMS = 10;

const FIELDS = new Set(['description', 'merchant', 'amount', 'currency']);

/**
 * What is wrong with the items of a classify batch, in order: the rules of
 * StatementText and ClassifyItem (lengths, IsDecimalAmount, IsCurrency, the
 * whitelist), applied by plain functions.
 */
export function classifyItemProblems(items: readonly unknown[], limit = MAX_LISTED_PROBLEMS): string[] {
  const problems: string[] = [];
  for (let i = 0; i < items.length && problems.length < limit; i++) {
    const item = items[i];
    const at = `items.${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at} must be an object with description, amount and currency`);
      continue;
    }
    const { description, merchant, amount, currency } = item as Record<string, unknown>;
    for (const key of Object.keys(item)) {
      if (!FIELDS.has(key)) problems.push(`property ${at}.${key} should not exist`);
    }
    if (!isString(description) || !length(description, 1, 500)) {
      problems.push(`${at}.description must be text of 1 to 500 characters`);
    }
    if (merchant !== undefined && merchant !== null && (!isString(merchant) || !length(merchant, 1, 200))) {
      problems.push(`${at}.merchant must be text of 1 to 200 characters`);
    }
    if (typeof amount !== 'string' || parseDecimal(amount) === undefined) {
      problems.push(`${at}.amount must be a decimal string such as "-12.34", below 10^12 in size and with at most 4 decimals`);
    }
    if (!isCurrencyCode(currency)) problems.push(`${at}.currency must be an upper-case ISO 4217 currency code such as "EUR"`);
  }
  return problems.slice(0, limit);
}

/**
 * Checks the size of the batch, then every item, in one constraint. Nested
 * DTOs (ValidateNested) cost class-transformer and class-validator tens of
 * µs an item: the largest share of the classifier's work in an import. The
 * message names the first problems by index.
 */
export const AreClassifyItems = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'areClassifyItems',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.length >= 1 && value.length <= MAX_CATEGORY_BATCH && classifyItemProblems(value, 1).length === 0,
      defaultMessage: ({ value }: ValidationArguments) => {
        if (!Array.isArray(value)) return 'items must be an array';
        if (value.length < 1 || value.length > MAX_CATEGORY_BATCH) return `items must hold 1 to ${MAX_CATEGORY_BATCH} entries`;
        const problems = classifyItemProblems(value, MAX_LISTED_PROBLEMS + 1);
        const more = problems.length > MAX_LISTED_PROBLEMS ? '; and more' : '';
        return problems.slice(0, MAX_LISTED_PROBLEMS).join('; ') + more;
      },
    },
  });
