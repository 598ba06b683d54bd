import { isCurrencyCode, parseDecimal } from '@finstack/money';
import { isString, isUUID, length } from 'class-validator';
import { AreBatchItems, MAX_LISTED_PROBLEMS } from '../item-batch';
import { MAX_CATEGORY_BATCH } from '../ledger/categorization.dto';
import { CATEGORY_KINDS, CategoryKind } from '../ledger/views';
import { CURRENCY_RULE, DECIMAL_AMOUNT_RULE } from '../validation';

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
      problems.push(`${at}.amount ${DECIMAL_AMOUNT_RULE}`);
    }
    if (!isCurrencyCode(currency)) problems.push(`${at}.currency ${CURRENCY_RULE}`);
  }
  return problems.slice(0, limit);
}

/** Checks the size of a classify batch, then every item; the message names the first problems by index. */
export const AreClassifyItems = (): PropertyDecorator =>
  AreBatchItems('areClassifyItems', {
    notAList: 'items must be an array',
    sizeProblem: (items) =>
      items.length < 1 || items.length > MAX_CATEGORY_BATCH ? `items must hold 1 to ${MAX_CATEGORY_BATCH} entries` : undefined,
    itemProblems: classifyItemProblems,
  });

/**
 * The most categories a classify message may carry. A sender whose user has
 * more leaves `categories` out, and the classifier asks the ledger itself.
 */
export const MAX_CLASSIFY_CATEGORIES = 2000;

/** One of the user's categories as the classifier needs it: to choose among them, by id, name and kind. */
export interface ClassifyCategory {
  id: string;
  name: string;
  kind: CategoryKind;
}

const CATEGORY_FIELDS = new Set(['id', 'name', 'kind']);
const KINDS: ReadonlySet<unknown> = new Set(CATEGORY_KINDS);

function classifyCategoryProblems(categories: readonly unknown[], limit = MAX_LISTED_PROBLEMS): string[] {
  const problems: string[] = [];
  for (let i = 0; i < categories.length && problems.length < limit; i++) {
    const category = categories[i];
    const at = `categories.${i}`;
    if (typeof category !== 'object' || category === null || Array.isArray(category)) {
      problems.push(`${at} must be an object with id, name and kind`);
      continue;
    }
    const { id, name, kind } = category as Record<string, unknown>;
    for (const key of Object.keys(category)) {
      if (!CATEGORY_FIELDS.has(key)) problems.push(`property ${at}.${key} should not exist`);
    }
    if (!isString(id) || !isUUID(id)) problems.push(`${at}.id must be a UUID`);
    if (!isString(name) || !length(name, 1, 100)) problems.push(`${at}.name must be text of 1 to 100 characters`);
    if (!KINDS.has(kind)) problems.push(`${at}.kind must be one of ${CATEGORY_KINDS.join(', ')}`);
  }
  return problems;
}

/** Checks the categories a classify message carries: at most MAX_CLASSIFY_CATEGORIES, each { id, name, kind }. */
export const AreClassifyCategories = (): PropertyDecorator =>
  AreBatchItems('areClassifyCategories', {
    notAList: 'categories must be an array',
    sizeProblem: (categories) =>
      categories.length > MAX_CLASSIFY_CATEGORIES ? `categories must hold at most ${MAX_CLASSIFY_CATEGORIES} entries` : undefined,
    itemProblems: classifyCategoryProblems,
  });
