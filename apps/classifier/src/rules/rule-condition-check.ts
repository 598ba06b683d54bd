import { DomainError, ErrorCode, RuleCondition, RuleConditionBody } from '@finstack/contracts';
import { parseDecimal, toMinorUnits } from '@finstack/money';
import { DIRECTIONS, Direction } from '../common/direction';
import { OPERAND_OF, OPERATORS_BY_FIELD, TEXT_FIELDS } from './rule-operators';
import { RulePatterns } from './rule-patterns';

interface Problem {
  field: string;
  errors: string[];
}

/**
 * Checks that each condition's field, operator and values fit together, and
 * returns the conditions as they are stored. Every misfit is named at once
 * (400 VALIDATION_FAILED); a pattern RE2 cannot run, or one past
 * PATTERN_LIMITS, is INVALID_PATTERN (400).
 * `path` is where the conditions sit in the message, e.g. "body.conditions".
 */
export function checkRuleConditions(
  conditions: readonly RuleConditionBody[],
  path: string,
  patterns: RulePatterns,
): RuleCondition[] {
  const problems = conditions.flatMap((condition, index) => problemsOf(condition, `${path}.${index}`));
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.flatMap((p) => p.errors).join('; '), problems);
  }
  conditions.forEach((condition, index) => {
    if (condition.operator === 'matches' && condition.value !== undefined) {
      patterns.check(condition.value, condition.caseSensitive === true, `${path}.${index}.value`);
    }
  });
  return conditions.map(storedCondition);
}

function problemsOf(condition: RuleConditionBody, at: string): Problem[] {
  const { field, operator } = condition;
  const supported = OPERATORS_BY_FIELD[field];
  if (!supported.includes(operator)) {
    return [{ field: `${at}.operator`, errors: [`${at}: ${field} supports ${supported.join(', ')}, not ${operator}`] }];
  }
  const problems: Problem[] = [];
  const problem = (name: string, error: string) => problems.push({ field: `${at}.${name}`, errors: [`${at}: ${error}`] });
  const operand = OPERAND_OF[operator];
  const given = {
    value: condition.value !== undefined,
    values: condition.values !== undefined,
    min: condition.min !== undefined,
    max: condition.max !== undefined,
  };
  const wanted = { value: operand === 'value', values: operand === 'values', min: operand === 'range', max: operand === 'range' };
  for (const name of ['value', 'values', 'min', 'max'] as const) {
    if (wanted[name] && !given[name]) problem(name, `${operator} needs ${name}`);
    if (!wanted[name] && given[name]) problem(name, `${operator} takes no ${name}`);
  }
  if (condition.caseSensitive !== undefined && !TEXT_FIELDS.has(field)) {
    problem('caseSensitive', `caseSensitive applies to text fields only, not ${field}`);
  }
  if (field === 'amount') problems.push(...amountProblems(condition, at));
  if (field === 'direction') problems.push(...directionProblems(condition, at));
  return problems;
}

function amountProblems(condition: RuleConditionBody, at: string): Problem[] {
  const problems: Problem[] = [];
  const amounts: [string, string | undefined][] = [
    ['value', condition.value],
    ['min', condition.min],
    ['max', condition.max],
    ...(condition.values ?? []).map((value, index): [string, string] => [`values.${index}`, value]),
  ];
  for (const [name, value] of amounts) {
    if (value !== undefined && parseDecimal(value) === undefined) {
      problems.push({
        field: `${at}.${name}`,
        errors: [`${at}: ${name} must be a decimal amount such as "-12.34" (at most 12 digits before the point and 4 after)`],
      });
    }
  }
  const { min, max } = condition;
  if (problems.length === 0 && min !== undefined && max !== undefined && toMinorUnits(min, 4) > toMinorUnits(max, 4)) {
    problems.push({ field: `${at}.min`, errors: [`${at}: min must not be greater than max`] });
  }
  return problems;
}

function directionProblems(condition: RuleConditionBody, at: string): Problem[] {
  const isDirection = (value: string): value is Direction => (DIRECTIONS as readonly string[]).includes(value);
  const values = condition.value !== undefined ? [condition.value] : (condition.values ?? []);
  return values.some((value) => !isDirection(value))
    ? [{ field: `${at}.${condition.value !== undefined ? 'value' : 'values'}`, errors: [`${at}: direction is "spent" or "received"`] }]
    : [];
}

/** Only what the operator uses; caseSensitive only on text fields. */
function storedCondition(condition: RuleConditionBody): RuleCondition {
  const stored: RuleCondition = { field: condition.field, operator: condition.operator };
  if (condition.value !== undefined) stored.value = condition.value;
  if (condition.values !== undefined) stored.values = [...condition.values];
  if (condition.min !== undefined) stored.min = condition.min;
  if (condition.max !== undefined) stored.max = condition.max;
  if (condition.caseSensitive !== undefined) stored.caseSensitive = condition.caseSensitive;
  return stored;
}
