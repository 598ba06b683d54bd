import { RuleCondition } from '@finstack/contracts';
import { compileRule, CompiledRule } from '../rules/compiled-rule';
import { RulePatterns } from '../rules/rule-patterns';
import { ruleSubject } from '../rules/rule-subject';
import { ruleVerdict } from './rule-stage';

const patterns = new RulePatterns();
const contains = (value: string): RuleCondition[] => [{ field: 'description', operator: 'contains', value }];

function rule(id: string, categoryId: string, conditions: RuleCondition[], stopProcessing = false): CompiledRule {
  return compileRule({ id, name: `rule ${id}`, matchMode: 'all', conditions, categoryId, stopProcessing }, patterns);
}

const subject = ruleSubject({ description: 'AMAZON PRIME VIDEO', amount: '-8.99', currency: 'EUR' });
const everyCategory = () => true;

describe('ruleVerdict (rules in evaluation order)', () => {
  it('lets a later matching rule override an earlier one, and names the deciding rule', () => {
    const rules = [rule('a', 'shopping', contains('amazon')), rule('b', 'streaming', contains('prime video'))];
    expect(ruleVerdict(rules, subject, everyCategory)).toEqual({
      categoryId: 'streaming',
      source: 'rule',
      confidence: 1,
      reason: 'rule b "rule b"',
    });
  });

  it('stops at a matching rule that stops processing', () => {
    const rules = [
      rule('a', 'shopping', contains('amazon'), true),
      rule('b', 'streaming', contains('prime video')),
    ];
    expect(ruleVerdict(rules, subject, everyCategory)?.categoryId).toBe('shopping');
  });

  it('ignores stopProcessing on a rule that does not match', () => {
    const rules = [rule('a', 'fees', contains('fee'), true), rule('b', 'streaming', contains('prime'))];
    expect(ruleVerdict(rules, subject, everyCategory)?.categoryId).toBe('streaming');
  });

  it('passes over rules whose category was deleted', () => {
    const rules = [rule('a', 'shopping', contains('amazon')), rule('b', 'deleted', contains('prime'))];
    expect(ruleVerdict(rules, subject, (id) => id !== 'deleted')?.categoryId).toBe('shopping');
  });

  it('decides nothing when no rule matches', () => {
    expect(ruleVerdict([rule('a', 'fees', contains('fee'))], subject, everyCategory)).toBeUndefined();
  });
});
