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
    expect(ruleVerdict(rules, subject, everyCategory).verdict).toEqual({
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
    expect(ruleVerdict(rules, subject, everyCategory).verdict?.categoryId).toBe('shopping');
  });

  it('ignores stopProcessing on a rule that does not match', () => {
    const rules = [rule('a', 'fees', contains('fee'), true), rule('b', 'streaming', contains('prime'))];
    expect(ruleVerdict(rules, subject, everyCategory).verdict?.categoryId).toBe('streaming');
  });

  it('passes over rules whose category was deleted', () => {
    const rules = [rule('a', 'shopping', contains('amazon')), rule('b', 'deleted', contains('prime'))];
    expect(ruleVerdict(rules, subject, (id) => id !== 'deleted').verdict?.categoryId).toBe('shopping');
  });

  it('decides nothing when no rule matches', () => {
    expect(ruleVerdict([rule('a', 'fees', contains('fee'))], subject, everyCategory)).toEqual({ verdict: undefined });
  });
});

describe('ruleVerdict within its time budget', () => {
  /** A clock that a rule moves forward by `ms` while it is evaluated. */
  function slowRules(ms: Record<string, number>) {
    let time = 0;
    const budget = { ms: 25, now: () => time };
    const timed = (compiled: CompiledRule): CompiledRule => ({
      ...compiled,
      matches: (s) => {
        time += ms[compiled.id] ?? 0;
        return compiled.matches(s);
      },
    });
    return { budget, timed };
  }

  it('skips the rule that ends past the budget and every later one, and names them', () => {
    const { budget, timed } = slowRules({ a: 1, b: 30 });
    const rules = [
      rule('a', 'shopping', contains('amazon')),
      rule('b', 'streaming', contains('prime video')),
      rule('c', 'video', contains('video')),
      rule('d', 'prime', contains('prime')),
    ].map(timed);
    expect(ruleVerdict(rules, subject, everyCategory, budget)).toEqual({
      verdict: { categoryId: 'shopping', source: 'rule', confidence: 1, reason: 'rule a "rule a"' },
      skipped: 'rules skipped past the 25 ms rule budget: rule b "rule b" and 2 rules after it',
    });
  });

  it('runs every rule when they fit in the budget together', () => {
    const { budget, timed } = slowRules({ a: 12, b: 12 });
    const rules = [rule('a', 'shopping', contains('amazon')), rule('b', 'streaming', contains('prime video'))].map(timed);
    expect(ruleVerdict(rules, subject, everyCategory, budget)).toEqual({
      verdict: expect.objectContaining({ categoryId: 'streaming' }),
    });
  });
});
