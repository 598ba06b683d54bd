import { RuleField, RuleOperator } from '@finstack/contracts';

/** Fields compared as text; the others are the amount and the direction. */
export const TEXT_FIELDS: ReadonlySet<RuleField> = new Set<RuleField>(['description', 'merchant', 'currency']);

const TEXT_OPERATORS: readonly RuleOperator[] = ['equals', 'contains', 'startsWith', 'endsWith', 'matches', 'oneOf'];

/** Which operators each field supports. */
export const OPERATORS_BY_FIELD: Readonly<Record<RuleField, readonly RuleOperator[]>> = {
  description: TEXT_OPERATORS,
  merchant: TEXT_OPERATORS,
  currency: TEXT_OPERATORS,
  amount: ['equals', 'gt', 'gte', 'lt', 'lte', 'between', 'oneOf'],
  direction: ['equals', 'oneOf'],
};

/** What an operator compares with: `value`, `values`, or the inclusive range `min`..`max`. */
type Operand = 'value' | 'values' | 'range';

export const OPERAND_OF: Readonly<Record<RuleOperator, Operand>> = {
  equals: 'value',
  contains: 'value',
  startsWith: 'value',
  endsWith: 'value',
  matches: 'value',
  gt: 'value',
  gte: 'value',
  lt: 'value',
  lte: 'value',
  oneOf: 'values',
  between: 'range',
};
