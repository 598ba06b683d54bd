import { DomainError, ErrorCode, RuleCondition } from '@finstack/contracts';
import { RULE_LIMITS } from './rule-limits';
import { RulePatterns } from './rule-patterns';

/** What a user's rules add up to, in the units of RULE_LIMITS. */
export interface RuleSetCost {
  conditions: number;
  conditionText: number;
  patterns: number;
  patternText: number;
  programSize: number;
  unicodeClasses: number;
}

const NOTHING: RuleSetCost = { conditions: 0, conditionText: 0, patterns: 0, patternText: 0, programSize: 0, unicodeClasses: 0 };

/** The cost of some conditions; their patterns compile (or come from the cache) to be measured. */
export function conditionsCost(conditions: readonly RuleCondition[], patterns: RulePatterns): RuleSetCost {
  const cost = { ...NOTHING };
  conditions.forEach((condition, index) => {
    cost.conditions += 1;
    cost.conditionText += (condition.value ?? '').length + (condition.values ?? []).reduce((sum, value) => sum + value.length, 0);
    if (condition.operator === 'matches' && condition.value !== undefined) {
      const pattern = patterns.cost(condition.value, condition.caseSensitive === true, `conditions.${index}.value`);
      cost.patterns += 1;
      cost.patternText += condition.value.length;
      cost.programSize += pattern.programSize;
      cost.unicodeClasses += pattern.unicodeClasses;
    }
  });
  return cost;
}

export function addCosts(a: RuleSetCost, b: RuleSetCost): RuleSetCost {
  const sum = { ...NOTHING };
  for (const key of Object.keys(NOTHING) as (keyof RuleSetCost)[]) sum[key] = a[key] + b[key];
  return sum;
}

const DESCRIBED: Readonly<Record<keyof RuleSetCost, [limit: number, what: string]>> = {
  conditions: [RULE_LIMITS.conditionsPerUser, 'conditions'],
  conditionText: [RULE_LIMITS.conditionTextPerUser, 'characters of condition values'],
  patterns: [RULE_LIMITS.patternsPerUser, '"matches" patterns'],
  patternText: [RULE_LIMITS.patternTextPerUser, 'characters of "matches" patterns'],
  programSize: [RULE_LIMITS.programSizePerUser, 'compiled pattern instructions'],
  unicodeClasses: [RULE_LIMITS.unicodeClassesPerUser, '\\p or \\P classes in patterns'],
};

/** VALIDATION_FAILED (400) naming every per-user limit the rules would pass, with how far. */
export function checkUserRuleBudget(total: RuleSetCost): void {
  const over = (Object.keys(DESCRIBED) as (keyof RuleSetCost)[]).filter((key) => total[key] > DESCRIBED[key][0]);
  if (over.length === 0) return;
  const message = over
    .map((key) => `your rules would have ${total[key]} ${DESCRIBED[key][1]}, more than the ${DESCRIBED[key][0]} allowed`)
    .join('; ');
  throw new DomainError(ErrorCode.VALIDATION_FAILED, `${message}; shorten, combine or delete some rules first`);
}
