import { RuleCondition } from '@finstack/contracts';
import { toMinorUnits } from '@finstack/money';
import { NeedleIndex } from './needle-index';
import { RuleEntity } from './rule.entity';
import { RulePatterns } from './rule-patterns';
import { AMOUNT_SCALE, RuleSubject } from './rule-subject';

type Test = (subject: RuleSubject) => boolean;

/** A saved rule turned into one function of a transaction. */
export interface CompiledRule {
  id: string;
  name: string;
  categoryId: string;
  stopProcessing: boolean;
  matches: Test;
}

export type RuleDefinition = Pick<RuleEntity, 'id' | 'name' | 'matchMode' | 'conditions' | 'categoryId' | 'stopProcessing'>;

/** One NeedleIndex per text a `contains` looks at (field, and whether case counts), shared by a rule set. */
export class ContainsIndexes {
  private readonly indexes = new Map<string, NeedleIndex>();

  for(field: RuleCondition['field'], caseSensitive: boolean): NeedleIndex {
    const key = `${field}:${caseSensitive}`;
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = new NeedleIndex()));
    return index;
  }
}

/** A user's rules, in order, compiled together: their `contains` conditions are searched in one pass per text. */
export function compileRules(rules: readonly RuleDefinition[], patterns: RulePatterns): CompiledRule[] {
  const indexes = new ContainsIndexes();
  return rules.map((rule) => compileRule(rule, patterns, indexes));
}

/** Conditions were checked when the rule was saved; here they only become code. */
export function compileRule(rule: RuleDefinition, patterns: RulePatterns, indexes = new ContainsIndexes()): CompiledRule {
  const tests = rule.conditions.map((condition, index) => compileCondition(condition, patterns, indexes, `conditions.${index}.value`));
  const matches: Test =
    rule.matchMode === 'any'
      ? (subject) => tests.some((test) => test(subject))
      : (subject) => tests.every((test) => test(subject));
  return { id: rule.id, name: rule.name, categoryId: rule.categoryId, stopProcessing: rule.stopProcessing, matches };
}

function compileCondition(condition: RuleCondition, patterns: RulePatterns, indexes: ContainsIndexes, field: string): Test {
  switch (condition.field) {
    case 'amount':
      return amountTest(condition);
    case 'direction':
      return directionTest(condition);
    default:
      return textTest(condition, patterns, indexes, field);
  }
}

function textTest(condition: RuleCondition, patterns: RulePatterns, indexes: ContainsIndexes, field: string): Test {
  const caseSensitive = condition.caseSensitive === true;
  const text = textOf(condition.field, caseSensitive);
  const fold = (value: string) => (caseSensitive ? value : value.toLowerCase());
  const value = fold(condition.value ?? '');
  let compare: (text: string) => boolean;
  switch (condition.operator) {
    case 'equals':
      compare = (actual) => actual === value;
      break;
    case 'contains': {
      const index = indexes.for(condition.field, caseSensitive);
      const id = index.add(value);
      compare = (actual) => index.contains(actual, id);
      break;
    }
    case 'startsWith':
      compare = (actual) => actual.startsWith(value);
      break;
    case 'endsWith':
      compare = (actual) => actual.endsWith(value);
      break;
    case 'matches': {
      // Case is handled by the pattern's flag, on the text as written.
      const regex = patterns.compile(condition.value ?? '', caseSensitive, field);
      const original = textOf(condition.field, true);
      // find() runs RE2's bit-state or NFA engine, whose time is program size × text length at worst;
      // test() tries a lazy DFA first, which a pattern like a[ab]{50} makes rebuild states at every character.
      return (subject) => {
        const actual = original(subject);
        return actual !== null && regex.matcher(actual).find();
      };
    }
    default: {
      const values = new Set((condition.values ?? []).map(fold));
      compare = (actual) => values.has(actual);
    }
  }
  return (subject) => {
    const actual = text(subject);
    return actual !== null && compare(actual);
  };
}

function textOf(field: RuleCondition['field'], caseSensitive: boolean): (subject: RuleSubject) => string | null {
  if (field === 'merchant') return caseSensitive ? (s) => s.merchant : (s) => s.lowerMerchant;
  if (field === 'currency') return caseSensitive ? (s) => s.currency : (s) => s.lowerCurrency;
  return caseSensitive ? (s) => s.description : (s) => s.lowerDescription;
}

function amountTest(condition: RuleCondition): Test {
  const exact = (text: string | undefined) => toMinorUnits(text ?? '0', AMOUNT_SCALE);
  const value = exact(condition.value);
  switch (condition.operator) {
    case 'equals':
      return (s) => s.amount === value;
    case 'gt':
      return (s) => s.amount > value;
    case 'gte':
      return (s) => s.amount >= value;
    case 'lt':
      return (s) => s.amount < value;
    case 'lte':
      return (s) => s.amount <= value;
    case 'between': {
      const [min, max] = [exact(condition.min), exact(condition.max)];
      return (s) => min <= s.amount && s.amount <= max;
    }
    default: {
      const values = (condition.values ?? []).map(exact);
      return (s) => values.includes(s.amount);
    }
  }
}

function directionTest(condition: RuleCondition): Test {
  const values = condition.operator === 'oneOf' ? (condition.values ?? []) : [condition.value];
  return (s) => s.direction !== null && values.includes(s.direction);
}
