import { CategoryView, ErrorCode, LEDGER } from '@finstack/contracts';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { MAX_LISTED_CHANGES, RuleApplicationService } from './rule-application.service';
import { RulesService } from './rules.service';

describe('RuleApplicationService', () => {
  let app: ClassifierTestApp;
  let rules: RulesService;
  let application: RuleApplicationService;
  let user: string;
  let categories: Record<string, CategoryView>;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    rules = app.get(RulesService);
    application = app.get(RuleApplicationService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categories = app.ledger.openAccount(user);
  });

  const streamingRule = () =>
    rules.create(user, {
      name: 'Streaming',
      conditions: [{ field: 'description', operator: 'contains', value: 'netflix' }],
      categoryId: categories.Entertainment.id,
    });

  function seed() {
    return {
      uncategorised: app.ledger.addTransaction(user, { description: 'NETFLIX.COM', amount: '-12.99' }),
      byModel: app.ledger.addTransaction(user, {
        description: 'PAYPAL *NETFLIX',
        amount: '-12.99',
        categoryId: categories.Shopping.id,
        categorySource: 'model',
      }),
      byHand: app.ledger.addTransaction(user, { description: 'Netflix gift card', amount: '-25.00', categoryId: categories.Other.id }),
      already: app.ledger.addTransaction(user, {
        description: 'NETFLIX',
        amount: '-12.99',
        categoryId: categories.Entertainment.id,
        categorySource: 'rule',
      }),
      other: app.ledger.addTransaction(user, { description: 'TESCO STORES', amount: '-30.00' }),
    };
  }

  it('lists what a dry run would change, changing nothing', async () => {
    const seeded = seed();
    const rule = await streamingRule();

    const result = await application.apply(user, rule.id, true);

    expect(result).toEqual({
      dryRun: true,
      matched: 4,
      changed: 2,
      changes: expect.arrayContaining([
        { transactionId: seeded.uncategorised.id, fromCategoryId: null, toCategoryId: categories.Entertainment.id },
        { transactionId: seeded.byModel.id, fromCategoryId: categories.Shopping.id, toCategoryId: categories.Entertainment.id },
      ]),
    });
    expect(app.ledger.transaction(seeded.uncategorised.id).categoryId).toBeNull();
    expect(app.ledger.count(LEDGER.setCategories, user)).toBe(0);
  });

  it('sets the category with source rule and its reason, never changing a manual category', async () => {
    const seeded = seed();
    const rule = await streamingRule();

    const result = await application.apply(user, rule.id, false);

    expect(result).toMatchObject({ dryRun: false, matched: 4, changed: 2 });
    expect(app.ledger.transaction(seeded.uncategorised.id)).toMatchObject({
      categoryId: categories.Entertainment.id,
      categorySource: 'rule',
      categoryConfidence: 1,
      categoryReason: `rule ${rule.id} "Streaming"`,
    });
    expect(app.ledger.transaction(seeded.byModel.id).categorySource).toBe('rule');
    expect(app.ledger.transaction(seeded.byHand.id)).toMatchObject({ categoryId: categories.Other.id, categorySource: 'manual' });
    expect(app.ledger.transaction(seeded.other.id).categoryId).toBeNull();
  });

  it('pages through every transaction, listing at most 1,000 changes but counting all', async () => {
    for (let index = 0; index < MAX_LISTED_CHANGES + 50; index += 1) {
      app.ledger.addTransaction(user, { description: `NETFLIX ${index}`, amount: '-1.00' });
    }
    const rule = await streamingRule();

    const result = await application.apply(user, rule.id, false);

    expect(result.matched).toBe(MAX_LISTED_CHANGES + 50);
    expect(result.changed).toBe(MAX_LISTED_CHANGES + 50);
    expect(result.changes).toHaveLength(MAX_LISTED_CHANGES);
    expect(app.ledger.count(LEDGER.listTransactions, user)).toBe(6); // pages of 200
  });

  it('refuses a rule whose category was deleted, and another user’s rule', async () => {
    const rule = await streamingRule();
    await expectDomainError(application.apply(newUserId(), rule.id, true), ErrorCode.RULE_NOT_FOUND);
    app.ledger.deleteCategory(categories.Entertainment.id);
    await expectDomainError(application.apply(user, rule.id, false), ErrorCode.CATEGORY_NOT_FOUND);
  });
});
