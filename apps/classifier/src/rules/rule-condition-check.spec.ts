import { DomainError, ErrorCode, RuleConditionBody, RuleField, RuleOperator } from '@finstack/contracts';
import { checkRuleConditions } from './rule-condition-check';
import { OPERATORS_BY_FIELD } from './rule-operators';
import { RulePatterns } from './rule-patterns';

const check = (conditions: RuleConditionBody[]) => checkRuleConditions(conditions, 'body.conditions', new RulePatterns());

function failure(conditions: RuleConditionBody[]): DomainError {
  try {
    check(conditions);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the conditions to be refused');
}

describe('checkRuleConditions', () => {
  it('accepts each operator on each field that supports it, with the operand it needs', () => {
    const operand = (field: RuleField, operator: RuleOperator): Partial<RuleConditionBody> => {
      const sample = field === 'amount' ? '-10.00' : field === 'direction' ? 'spent' : 'tesco';
      if (operator === 'oneOf') return { values: [sample] };
      if (operator === 'between') return { min: '-20', max: '-10' };
      return { value: sample };
    };
    for (const [field, operators] of Object.entries(OPERATORS_BY_FIELD) as [RuleField, RuleOperator[]][]) {
      for (const operator of operators) {
        expect(check([{ field, operator, ...operand(field, operator) }])).toEqual([{ field, operator, ...operand(field, operator) }]);
      }
    }
  });

  it('refuses an operator the field does not support, naming what it does support', () => {
    const error = failure([
      { field: 'description', operator: 'gt', value: '5' },
      { field: 'amount', operator: 'contains', value: '5' },
      { field: 'direction', operator: 'startsWith', value: 'sp' },
      { field: 'currency', operator: 'between', min: '1', max: '2' },
    ]);
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.message).toContain('body.conditions.0: description supports equals, contains, startsWith, endsWith, matches, oneOf, not gt');
    expect(error.message).toContain('body.conditions.1: amount supports');
    expect(error.message).toContain('body.conditions.2: direction supports equals, oneOf, not startsWith');
    expect(error.message).toContain('body.conditions.3: currency supports');
  });

  it('refuses a missing operand, and one the operator does not use', () => {
    const error = failure([
      { field: 'description', operator: 'equals' },
      { field: 'merchant', operator: 'oneOf', value: 'x' },
      { field: 'amount', operator: 'between', min: '1' },
    ]);
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'body.conditions.0.value', errors: ['body.conditions.0: equals needs value'] },
        { field: 'body.conditions.1.values', errors: ['body.conditions.1: oneOf needs values'] },
        { field: 'body.conditions.1.value', errors: ['body.conditions.1: oneOf takes no value'] },
        { field: 'body.conditions.2.max', errors: ['body.conditions.2: between needs max'] },
      ]),
    );
  });

  it('refuses amounts that are not exact decimals, and a range that is upside down', () => {
    expect(failure([{ field: 'amount', operator: 'gt', value: '1e3' }]).message).toMatch(/value must be a decimal amount/);
    expect(failure([{ field: 'amount', operator: 'oneOf', values: ['1', '1,5'] }]).details).toEqual([
      expect.objectContaining({ field: 'body.conditions.0.values.1' }),
    ]);
    expect(failure([{ field: 'amount', operator: 'between', min: '-5', max: '-10' }]).message).toMatch(
      /min must not be greater than max/,
    );
  });

  it('refuses a direction other than spent or received, and caseSensitive outside text fields', () => {
    expect(failure([{ field: 'direction', operator: 'equals', value: 'out' }]).message).toMatch(/"spent" or "received"/);
    expect(failure([{ field: 'direction', operator: 'oneOf', values: ['spent', 'Received'] }]).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    expect(failure([{ field: 'amount', operator: 'gt', value: '1', caseSensitive: true }]).message).toMatch(
      /caseSensitive applies to text fields only/,
    );
  });

  it('refuses with INVALID_PATTERN what RE2 cannot run in linear time, or cannot parse', () => {
    for (const pattern of ['(a)\\1', '(?=tesco)', '(?<=x)y', 'tesco(', '[z-a]']) {
      const error = failure([{ field: 'description', operator: 'matches', value: pattern }]);
      expect(error).toMatchObject({ code: ErrorCode.INVALID_PATTERN, status: 400 });
      expect(error.message).toContain('body.conditions.0.value');
    }
  });

  it('accepts a pattern with nested repetition, since RE2 matches it in linear time', () => {
    expect(check([{ field: 'description', operator: 'matches', value: '^(a+)+$' }])).toHaveLength(1);
  });
});
