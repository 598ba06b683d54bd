import { CreateRuleBody, ErrorCode, RuleCondition, RuleConditionBody } from '@finstack/contracts';
import { v4 as uuidv4 } from 'uuid';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { RuleEntity } from './rule.entity';
import { PATTERN_LIMITS, RULE_LIMITS } from './rule-limits';
import { RulesService } from './rules.service';

/** Saving rules against the bounds of PATTERN_LIMITS and RULE_LIMITS, each at the bound and one past it. */
describe('rule limits', () => {
  let app: ClassifierTestApp;
  let rules: RulesService;
  let user: string;
  let categoryId: string;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    rules = app.get(RulesService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categoryId = app.ledger.openAccount(user).Entertainment.id;
  });

  const matching = (...patterns: string[]): CreateRuleBody => ({
    name: 'patterns',
    conditions: patterns.map((value): RuleConditionBody => ({ field: 'description', operator: 'matches', value })),
    categoryId,
  });

  /** Stores rules as they are in the database, past the checks, to reach a per-user total quickly. */
  async function storeRules(conditionsOfEach: RuleCondition[][]): Promise<void> {
    const now = new Date();
    const rows = conditionsOfEach.map(
      (conditions, index): RuleEntity => ({
        id: uuidv4(),
        userId: user,
        name: `stored ${index}`,
        priority: 100,
        matchMode: 'all',
        conditions,
        categoryId,
        stopProcessing: false,
        enabled: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await app.dataSource.manager.insert(RuleEntity, rows);
  }

  async function refusedPattern(pattern: string, words: string): Promise<void> {
    const error = await expectDomainError(rules.create(user, matching(pattern)), ErrorCode.INVALID_PATTERN);
    expect(error.message).toContain('body.conditions.0.value');
    expect(error.message).toContain(words);
  }

  it('refuses the review’s pattern, a counted repeat of 1000, with a 400 naming the bound', async () => {
    await refusedPattern(`${'(.*){1000}'.repeat(49)}#`, `a counted repeat may be at most {${PATTERN_LIMITS.countedRepeat}}, not {1000}`);
    await expect(rules.create(user, matching(`a{${PATTERN_LIMITS.countedRepeat}}`))).resolves.toBeDefined();
    await refusedPattern(`a{2,${PATTERN_LIMITS.countedRepeat + 1}}`, `not {${PATTERN_LIMITS.countedRepeat + 1}}`);
    expect(await rules.list(user)).toHaveLength(1);
  });

  it(`refuses groups nested deeper than ${PATTERN_LIMITS.nesting}`, async () => {
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    await expect(rules.create(user, matching(nested(PATTERN_LIMITS.nesting)))).resolves.toBeDefined();
    await refusedPattern(nested(PATTERN_LIMITS.nesting + 1), `groups may nest ${PATTERN_LIMITS.nesting} deep at most`);
  });

  it(`refuses a pattern that compiles to more than ${PATTERN_LIMITS.programSize} RE2 instructions`, async () => {
    // A literal of n characters compiles to n + 2 instructions.
    await expect(rules.create(user, matching('x'.repeat(PATTERN_LIMITS.programSize - 2)))).resolves.toBeDefined();
    await refusedPattern('x'.repeat(PATTERN_LIMITS.programSize - 1), `compiles to ${PATTERN_LIMITS.programSize + 1} RE2 instructions`);
  });

  it('refuses wide class ranges and many \\p classes, whose case folding is slow to compile', async () => {
    await expect(rules.create(user, matching('[\\x{100}-\\x{1FF}]', '\\pL\\PN'))).resolves.toBeDefined();
    await refusedPattern('[\\x{100}-\\x{200}]', `a character class range may span ${PATTERN_LIMITS.classRangeWidth} characters at most, not 257`);
    await refusedPattern('\\pL[\\pN\\p{Greek}]', `${PATTERN_LIMITS.unicodeClasses} \\p or \\P classes at most, not 3`);
  });

  it('checks new conditions of an update the same way, changing nothing when refused', async () => {
    const created = await rules.create(user, matching('netflix'));
    await expectDomainError(rules.update(user, created.id, { conditions: matching('(x){51}').conditions }), ErrorCode.INVALID_PATTERN);
    expect((await rules.get(user, created.id)).conditions[0].value).toBe('netflix');
  });

  it(`caps the pattern text of a user’s rules at ${RULE_LIMITS.patternTextPerUser} characters`, async () => {
    // 100 characters and a few instructions each: one class of 97 letters, then a digit.
    const long = (i: number) => `[${'a'.repeat(97)}]${i}`;
    const patterns = RULE_LIMITS.patternTextPerUser / 100 - 1;
    await storeRules(Array.from({ length: patterns }, (_, i) => [{ field: 'description', operator: 'matches', value: long(i) }]));
    await expect(rules.create(user, matching(long(9)))).resolves.toBeDefined(); // exactly at the bound
    const error = await expectDomainError(rules.create(user, matching('z')), ErrorCode.VALIDATION_FAILED);
    expect(error.message).toContain(
      `your rules would have ${RULE_LIMITS.patternTextPerUser + 1} characters of "matches" patterns, more than the ${RULE_LIMITS.patternTextPerUser} allowed`,
    );
  });

  it('counts a rule’s own old conditions out when its conditions are replaced', async () => {
    // 50 literal characters compile to 52 instructions: three such patterns and the stored one are 208, two and it 156.
    const literal = (letter: string) => letter.repeat(50);
    const created = await rules.create(user, matching(literal('a'), literal('b'), literal('c')));
    await storeRules([[{ field: 'description', operator: 'matches', value: literal('d') }]]);
    await expect(rules.update(user, created.id, { conditions: matching(literal('e'), literal('f')).conditions })).resolves.toBeDefined();
    await expectDomainError(
      rules.update(user, created.id, { conditions: matching(literal('e'), literal('f'), literal('g')).conditions }),
      ErrorCode.VALIDATION_FAILED,
    );
  });

  it(`caps the patterns of a user’s rules at ${RULE_LIMITS.patternsPerUser}, their instructions at ${RULE_LIMITS.programSizePerUser}`, async () => {
    await storeRules(Array.from({ length: RULE_LIMITS.patternsPerUser }, (_, i) => [{ field: 'description', operator: 'matches', value: `p${i}` }]));
    const tooMany = await expectDomainError(rules.create(user, matching('q')), ErrorCode.VALIDATION_FAILED);
    expect(tooMany.message).toContain(`${RULE_LIMITS.patternsPerUser + 1} "matches" patterns, more than the ${RULE_LIMITS.patternsPerUser} allowed`);

    user = newUserId();
    categoryId = app.ledger.openAccount(user).Entertainment.id;
    // Literals of 48 characters compile to 50 instructions: four reach the bound.
    await storeRules(Array.from({ length: RULE_LIMITS.programSizePerUser / 50 }, (_, i) => [
      { field: 'description', operator: 'matches', value: `${i}`.padEnd(48, 'x') },
    ]));
    const tooBig = await expectDomainError(rules.create(user, matching('q')), ErrorCode.VALIDATION_FAILED);
    expect(tooBig.message).toContain(`more than the ${RULE_LIMITS.programSizePerUser} allowed`);
  });

  it(`caps the condition text of a user’s rules at ${RULE_LIMITS.conditionTextPerUser} characters and their conditions at ${RULE_LIMITS.conditionsPerUser}`, async () => {
    const contains = (value: string): RuleCondition => ({ field: 'description', operator: 'contains', value });
    const values = RULE_LIMITS.conditionTextPerUser / 500;
    await storeRules(Array.from({ length: values - 1 }, (_, i) => [contains(`${i}`.padEnd(500, 'x'))]));
    const oneOf: CreateRuleBody = { name: 'list', categoryId, conditions: [{ field: 'merchant', operator: 'oneOf', values: ['a'.repeat(200), 'b'.repeat(200), 'c'.repeat(100)] }] };
    await expect(rules.create(user, oneOf)).resolves.toBeDefined(); // exactly at the bound
    const tooLong = await expectDomainError(rules.create(user, { ...oneOf, conditions: [contains('z')] }), ErrorCode.VALIDATION_FAILED);
    expect(tooLong.message).toContain(`${RULE_LIMITS.conditionTextPerUser + 1} characters of condition values`);

    user = newUserId();
    categoryId = app.ledger.openAccount(user).Entertainment.id;
    await storeRules(Array.from({ length: RULE_LIMITS.conditionsPerUser / 20 }, () => Array.from({ length: 20 }, () => contains('a'))));
    const tooMany = await expectDomainError(rules.create(user, { ...oneOf, categoryId, conditions: [contains('z')] }), ErrorCode.VALIDATION_FAILED);
    expect(tooMany.message).toContain(`${RULE_LIMITS.conditionsPerUser + 1} conditions, more than the ${RULE_LIMITS.conditionsPerUser} allowed`);
  });
});
