import { CreateRuleBody, ErrorCode, LEDGER } from '@finstack/contracts';
import { v4 as uuidv4 } from 'uuid';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { RuleEntity } from './rule.entity';
import { MAX_RULES_PER_USER, RulesService } from './rules.service';

describe('RulesService', () => {
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

  const streaming = (fields: Partial<CreateRuleBody> = {}): CreateRuleBody => ({
    name: 'Streaming',
    conditions: [{ field: 'description', operator: 'matches', value: 'netflix|spotify' }],
    categoryId,
    ...fields,
  });

  it('creates a rule with defaults and reads it back', async () => {
    const created = await rules.create(user, streaming());
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Streaming',
      priority: 100,
      match: 'all',
      conditions: [{ field: 'description', operator: 'matches', value: 'netflix|spotify' }],
      categoryId,
      stopProcessing: false,
      enabled: true,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: created.createdAt,
    });
    expect(await rules.get(user, created.id)).toEqual(created);
    expect(await rules.get(user, created.id.toUpperCase())).toEqual(created);
  });

  it('lists rules in evaluation order: priority, then creation', async () => {
    const late = await rules.create(user, streaming({ name: 'late', priority: 200 }));
    const first = await rules.create(user, streaming({ name: 'first', priority: 10 }));
    const tieA = await rules.create(user, streaming({ name: 'tie a' }));
    const tieB = await rules.create(user, streaming({ name: 'tie b' }));
    expect((await rules.list(user)).map((rule) => rule.id)).toEqual([first.id, tieA.id, tieB.id, late.id]);
  });

  it('checks the category with the ledger: another user’s category is not found', async () => {
    const theirs = app.ledger.openAccount(newUserId()).Groceries.id;
    await expectDomainError(rules.create(user, streaming({ categoryId: theirs })), ErrorCode.CATEGORY_NOT_FOUND);
    expect(await rules.list(user)).toEqual([]);
  });

  it('refuses conditions that do not fit, and patterns RE2 cannot run, saving nothing', async () => {
    await expectDomainError(
      rules.create(user, streaming({ conditions: [{ field: 'amount', operator: 'contains', value: '1' }] })),
      ErrorCode.VALIDATION_FAILED,
    );
    const error = await expectDomainError(
      rules.create(user, streaming({ conditions: [{ field: 'description', operator: 'matches', value: '(ab)\\1' }] })),
      ErrorCode.INVALID_PATTERN,
    );
    expect(error.message).toContain('body.conditions.0.value');
    expect(await rules.list(user)).toEqual([]);
  });

  it('updates only what is sent, checking new conditions and category', async () => {
    const created = await rules.create(user, streaming());
    const groceries = (await app.ledger.send(LEDGER.listCategories, { userId: user })).find((c) => c.name === 'Groceries');
    const updated = await rules.update(user, created.id, { priority: 5, enabled: false, categoryId: groceries?.id });
    expect(updated).toMatchObject({ id: created.id, name: 'Streaming', priority: 5, enabled: false, categoryId: groceries?.id });
    expect(await rules.get(user, created.id)).toEqual(updated);
    await expectDomainError(rules.update(user, created.id, {}), ErrorCode.VALIDATION_FAILED);
    await expectDomainError(
      rules.update(user, created.id, { conditions: [{ field: 'direction', operator: 'equals', value: 'out' }] }),
      ErrorCode.VALIDATION_FAILED,
    );
    await expectDomainError(rules.update(user, created.id, { categoryId: newUserId() }), ErrorCode.CATEGORY_NOT_FOUND);
    expect(await rules.get(user, created.id)).toEqual(updated);
  });

  it('deletes a rule for good', async () => {
    const created = await rules.create(user, streaming());
    expect(await rules.delete(user, created.id)).toEqual({ id: created.id });
    await expectDomainError(rules.get(user, created.id), ErrorCode.RULE_NOT_FOUND);
    await expectDomainError(rules.delete(user, created.id), ErrorCode.RULE_NOT_FOUND);
  });

  it('keeps another user’s rules out of reach (404), and leaves them alone', async () => {
    const owner = newUserId();
    const theirs = await rules.create(owner, streaming({ categoryId: app.ledger.openAccount(owner).Dining.id }));
    await expectDomainError(rules.get(user, theirs.id), ErrorCode.RULE_NOT_FOUND);
    await expectDomainError(rules.update(user, theirs.id, { name: 'mine' }), ErrorCode.RULE_NOT_FOUND);
    await expectDomainError(rules.delete(user, theirs.id), ErrorCode.RULE_NOT_FOUND);
    expect(await rules.list(user)).toEqual([]);
    expect(await rules.get(owner, theirs.id)).toEqual(theirs);
  });

  it(`refuses more than ${MAX_RULES_PER_USER} rules per user`, async () => {
    const now = new Date();
    const rows = Array.from({ length: MAX_RULES_PER_USER }, (_, index): RuleEntity => ({
      id: uuidv4(),
      userId: user,
      name: `rule ${index}`,
      priority: 100,
      matchMode: 'all',
      conditions: [{ field: 'description', operator: 'contains', value: `x${index}` }],
      categoryId,
      stopProcessing: false,
      enabled: true,
      createdAt: now,
      updatedAt: now,
    }));
    await app.dataSource.manager.insert(RuleEntity, rows);
    await expectDomainError(rules.create(user, streaming()), ErrorCode.VALIDATION_FAILED);
  });
});
