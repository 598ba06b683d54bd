import { RuleCondition } from '@finstack/contracts';
import { compileRule } from './compiled-rule';
import { RulePatterns } from './rule-patterns';
import { RuleInput, ruleSubject } from './rule-subject';

const patterns = new RulePatterns();

function matcher(conditions: RuleCondition[], matchMode: 'all' | 'any' = 'all') {
  const rule = compileRule(
    { id: 'r1', name: 'rule', matchMode, conditions, categoryId: 'c1', stopProcessing: false },
    patterns,
  );
  return (input: Partial<RuleInput>) =>
    rule.matches(ruleSubject({ description: 'POS Tesco Stores 3297', merchant: 'Tesco', amount: '-12.50', currency: 'EUR', ...input }));
}

describe('compiled rules', () => {
  describe.each(['description', 'merchant'] as const)('text field %s', (field) => {
    const on = (value: string) => ({ [field]: value });

    it('equals, ignoring case unless caseSensitive', () => {
      const test = matcher([{ field, operator: 'equals', value: 'TESCO EXPRESS' }]);
      expect(test(on('tesco express'))).toBe(true);
      expect(test(on('tesco express 2'))).toBe(false);
      const exact = matcher([{ field, operator: 'equals', value: 'TESCO EXPRESS', caseSensitive: true }]);
      expect(exact(on('tesco express'))).toBe(false);
      expect(exact(on('TESCO EXPRESS'))).toBe(true);
    });

    it('contains, startsWith and endsWith', () => {
      expect(matcher([{ field, operator: 'contains', value: 'netflix' }])(on('PAYPAL *NETFLIX.COM'))).toBe(true);
      expect(matcher([{ field, operator: 'contains', value: 'spotify' }])(on('PAYPAL *NETFLIX.COM'))).toBe(false);
      expect(matcher([{ field, operator: 'startsWith', value: 'paypal' }])(on('PAYPAL *NETFLIX.COM'))).toBe(true);
      expect(matcher([{ field, operator: 'startsWith', value: 'netflix' }])(on('PAYPAL *NETFLIX.COM'))).toBe(false);
      expect(matcher([{ field, operator: 'endsWith', value: '.com' }])(on('PAYPAL *NETFLIX.COM'))).toBe(true);
      expect(matcher([{ field, operator: 'endsWith', value: '.com', caseSensitive: true }])(on('PAYPAL *NETFLIX.COM'))).toBe(false);
    });

    it('matches a regular expression anywhere, ignoring case unless caseSensitive', () => {
      expect(matcher([{ field, operator: 'matches', value: 'uber\\s+\\*?trip' }])(on('UBER *TRIP HELP.UBER.COM'))).toBe(true);
      expect(matcher([{ field, operator: 'matches', value: '^trip' }])(on('UBER *TRIP'))).toBe(false);
      expect(matcher([{ field, operator: 'matches', value: 'Uber', caseSensitive: true }])(on('UBER'))).toBe(false);
    });

    it('oneOf, ignoring case unless caseSensitive', () => {
      expect(matcher([{ field, operator: 'oneOf', values: ['Lidl', 'Aldi'] }])(on('ALDI'))).toBe(true);
      expect(matcher([{ field, operator: 'oneOf', values: ['Lidl', 'Aldi'] }])(on('ALDI SUED'))).toBe(false);
      expect(matcher([{ field, operator: 'oneOf', values: ['Lidl'], caseSensitive: true }])(on('LIDL'))).toBe(false);
    });
  });

  it('never matches a merchant condition on a transaction without a merchant', () => {
    expect(matcher([{ field: 'merchant', operator: 'contains', value: '' }])({ merchant: null })).toBe(false);
    expect(matcher([{ field: 'merchant', operator: 'matches', value: '.*' }])({ merchant: null })).toBe(false);
  });

  it('compares the currency as text, with every text operator', () => {
    expect(matcher([{ field: 'currency', operator: 'equals', value: 'eur' }])({})).toBe(true);
    expect(matcher([{ field: 'currency', operator: 'equals', value: 'eur', caseSensitive: true }])({})).toBe(false);
    expect(matcher([{ field: 'currency', operator: 'contains', value: 'U' }])({})).toBe(true);
    expect(matcher([{ field: 'currency', operator: 'startsWith', value: 'E' }])({})).toBe(true);
    expect(matcher([{ field: 'currency', operator: 'endsWith', value: 'D' }])({ currency: 'USD' })).toBe(true);
    expect(matcher([{ field: 'currency', operator: 'matches', value: '^(EUR|GBP)$' }])({ currency: 'GBP' })).toBe(true);
    expect(matcher([{ field: 'currency', operator: 'oneOf', values: ['GBP', 'USD'] }])({})).toBe(false);
  });

  describe('amount', () => {
    const at = (amount: string, currency = 'EUR') => ({ amount, currency });

    it('equals compares the decimal value exactly, whatever the currency or the trailing zeros', () => {
      const test = matcher([{ field: 'amount', operator: 'equals', value: '-12.5' }]);
      expect(test(at('-12.50'))).toBe(true);
      expect(test(at('-12.500', 'KWD'))).toBe(true);
      expect(test(at('-12.51'))).toBe(false);
      expect(matcher([{ field: 'amount', operator: 'equals', value: '-1500' }])(at('-1500', 'JPY'))).toBe(true);
    });

    it('gt, gte, lt and lte', () => {
      expect(matcher([{ field: 'amount', operator: 'gt', value: '-12.50' }])(at('-12.49'))).toBe(true);
      expect(matcher([{ field: 'amount', operator: 'gt', value: '-12.50' }])(at('-12.50'))).toBe(false);
      expect(matcher([{ field: 'amount', operator: 'gte', value: '-12.50' }])(at('-12.50'))).toBe(true);
      expect(matcher([{ field: 'amount', operator: 'lt', value: '0.001' }])(at('0.000', 'KWD'))).toBe(true);
      expect(matcher([{ field: 'amount', operator: 'lt', value: '-12.50' }])(at('-12.50'))).toBe(false);
      expect(matcher([{ field: 'amount', operator: 'lte', value: '-12.50' }])(at('-12.50'))).toBe(true);
      // Exact where floating point is not: 0.1 + 0.2 is not 0.3 in binary.
      expect(matcher([{ field: 'amount', operator: 'lte', value: '0.3' }])(at('0.30'))).toBe(true);
    });

    it('between is inclusive at both ends', () => {
      const test = matcher([{ field: 'amount', operator: 'between', min: '-100', max: '-10.005' }]);
      expect(test(at('-100.00'))).toBe(true);
      expect(test(at('-10.005', 'KWD'))).toBe(true);
      expect(test(at('-10.00'))).toBe(false);
      expect(test(at('-100.01'))).toBe(false);
    });

    it('oneOf', () => {
      const test = matcher([{ field: 'amount', operator: 'oneOf', values: ['-9.99', '-19.99'] }]);
      expect(test(at('-19.99'))).toBe(true);
      expect(test(at('-19.98'))).toBe(false);
    });
  });

  describe('direction', () => {
    it('equals and oneOf, from the sign of the amount', () => {
      expect(matcher([{ field: 'direction', operator: 'equals', value: 'spent' }])({ amount: '-1' })).toBe(true);
      expect(matcher([{ field: 'direction', operator: 'equals', value: 'spent' }])({ amount: '1' })).toBe(false);
      expect(matcher([{ field: 'direction', operator: 'equals', value: 'received' }])({ amount: '2500.00' })).toBe(true);
      expect(matcher([{ field: 'direction', operator: 'oneOf', values: ['spent', 'received'] }])({ amount: '-1' })).toBe(true);
      expect(matcher([{ field: 'direction', operator: 'oneOf', values: ['received'] }])({ amount: '0' })).toBe(false);
    });
  });

  it('combines conditions with all or any', () => {
    const conditions: RuleCondition[] = [
      { field: 'description', operator: 'contains', value: 'tesco' },
      { field: 'amount', operator: 'lt', value: '-100' },
    ];
    expect(matcher(conditions, 'all')({ amount: '-12.50' })).toBe(false);
    expect(matcher(conditions, 'any')({ amount: '-12.50' })).toBe(true);
    expect(matcher(conditions, 'any')({ description: 'Shell', amount: '-12.50' })).toBe(false);
  });

  it('runs a pattern with catastrophic backtracking on 5,000 characters in linear time', () => {
    const test = matcher([{ field: 'description', operator: 'matches', value: '^(a+)+$' }]);
    const hostile = `${'a'.repeat(5000)}!`;
    const started = performance.now();
    expect(test({ description: hostile })).toBe(false);
    // A backtracking engine needs about 2^5000 steps here; RE2 needs well under a second on any machine.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(test({ description: 'a'.repeat(5000) })).toBe(true);
  });
});
