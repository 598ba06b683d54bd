import { CategoryView, ClassifyItem, ErrorCode } from '@finstack/contracts';
import { LearningService } from '../learning/learning.service';
import { RulesService } from '../rules/rules.service';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { ClassificationService } from './classification.service';
import { LEXICON_CONFIDENCE, LITTLE_HISTORY } from './lexicon-stage';
import { MODEL_THRESHOLD } from './model-stage';

describe('ClassificationService', () => {
  let app: ClassifierTestApp;
  let classification: ClassificationService;
  let learning: LearningService;
  let rules: RulesService;
  let user: string;
  let categories: Record<string, CategoryView>;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    classification = app.get(ClassificationService);
    learning = app.get(LearningService);
    rules = app.get(RulesService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categories = app.ledger.openAccount(user);
  });

  const spent = (description: string, merchant?: string): ClassifyItem => ({ description, merchant, amount: '-12.34', currency: 'EUR' });
  const classifyOne = async (item: ClassifyItem, userId = user) => (await classification.classify(userId, [item]))[0];

  /** Files transactions by hand, as the user would through the API. */
  async function fileByHand(category: CategoryView, ...descriptions: string[]): Promise<void> {
    const ids = descriptions.map((description) => app.ledger.addTransaction(user, { description, amount: '-9.99' }).id);
    await learning.setManualCategory(user, ids, category.id);
  }

  describe('for a user without history', () => {
    it('uses the starter lexicon, mapped to the user’s own categories by name', async () => {
      expect(await classifyOne(spent('POS TESCO STORES 3297 LONDON'))).toEqual({
        categoryId: categories.Groceries.id,
        source: 'model',
        confidence: LEXICON_CONFIDENCE,
        reason: 'starter lexicon: "tesco"',
      });
      expect((await classifyOne(spent('NETFLIX.COM 866-579-7172 CA'))).categoryId).toBe(categories.Entertainment.id);
      expect((await classifyOne({ ...spent('SALARY ACME LTD'), amount: '2500.00' })).categoryId).toBe(categories.Income.id);
    });

    it('leaves what it does not know uncategorised', async () => {
      expect(await classifyOne(spent('ZYX HOLDINGS 0042'))).toEqual({
        categoryId: null,
        source: 'none',
        confidence: 0,
        reason: expect.any(String),
      });
    });

    it('does not put money received in an expense category by guessing', async () => {
      expect((await classifyOne({ ...spent('TESCO STORES REFUND'), amount: '12.34' })).categoryId).toBeNull();
    });

    it('does not guess a category the user deleted', async () => {
      app.ledger.deleteCategory(categories.Groceries.id);
      expect((await classifyOne(spent('TESCO STORES'))).categoryId).toBeNull();
    });
  });

  describe('after a few manual choices', () => {
    it('files the next transaction from the same payee the same way, saying why', async () => {
      await fileByHand(categories.Dining, 'SQ *BLUE BOTTLE COFFEE 0421', 'BLUE BOTTLE COFFEE SAN FRANCISCO CA');

      expect(await classifyOne(spent('POS BLUE BOTTLE COFFEE #0388 12/03'))).toEqual({
        categoryId: categories.Dining.id,
        source: 'learned',
        confidence: 1,
        reason: 'merchant "blue bottle" → 2 of 2 times',
      });
    });

    it('recognises a similar description with the text model, naming the words that decided', async () => {
      await fileByHand(categories.Health, 'HOLLAND & BARRETT LEEDS');
      await fileByHand(categories.Dining, 'JOE & THE JUICE');
      await fileByHand(categories.Housing, 'WICKES BUILDING SUPPLIES');

      const prediction = await classifyOne(spent('CARD PAYMENT TO HOLLAND & BARRETT 0042 YORK'));

      expect(prediction).toMatchObject({ categoryId: categories.Health.id, source: 'model' });
      expect(prediction.confidence).toBeGreaterThanOrEqual(MODEL_THRESHOLD);
      expect(prediction.reason).toMatch(/^tokens "(holland|barrett)"/);
    });

    it('lets the user’s choice win over the starter lexicon', async () => {
      await fileByHand(categories.Other, 'AMAZON MKTPLACE GIFT', 'AMAZON MKTPLACE GIFT CARD');
      expect((await classifyOne(spent('AMAZON MKTPLACE 0042'))).categoryId).toBe(categories.Other.id);
    });

    it('stops guessing from the starter lexicon once the user has a history', async () => {
      const examples = Array.from({ length: LITTLE_HISTORY }, (_, index) => ({
        description: `SO RENT FLAT ${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
        categoryId: categories.Housing.id,
      }));
      await learning.learn(user, examples);
      expect((await classifyOne(spent('NETFLIX.COM'))).categoryId).toBeNull();
    });

    it('never lets one user’s choices decide for another', async () => {
      await fileByHand(categories.Dining, 'BLUE BOTTLE COFFEE 1', 'BLUE BOTTLE COFFEE 2');
      const stranger = newUserId();
      app.ledger.openAccount(stranger);
      expect((await classifyOne(spent('BLUE BOTTLE COFFEE 3'), stranger)).categoryId).toBeNull();
    });

    it('passes over a remembered category that was deleted since', async () => {
      await fileByHand(categories.Dining, 'BLUE BOTTLE COFFEE 1', 'BLUE BOTTLE COFFEE 2');
      app.ledger.deleteCategory(categories.Dining.id);
      expect((await classifyOne(spent('BLUE BOTTLE COFFEE 3'))).categoryId).toBeNull();
    });
  });

  it('classifies several users’ transactions in one call as each user’s alone, and sees a rule saved between calls', async () => {
    const other = newUserId();
    const theirs = app.ledger.openAccount(other);
    await rules.create(user, {
      name: 'Coffee is a treat',
      conditions: [{ field: 'description', operator: 'contains', value: 'coffee' }],
      categoryId: categories.Entertainment.id,
    });
    const coffee = spent('BLUE BOTTLE COFFEE');
    const ask = () =>
      classification.classifyForUsers([
        { userId: user, items: [coffee, spent('POS TESCO STORES')] },
        { userId: other, items: [coffee] },
      ]);

    const [mine, others] = await ask();
    expect(mine).toEqual([await classifyOne(coffee), await classifyOne(spent('POS TESCO STORES'))]);
    expect(mine[0]).toMatchObject({ categoryId: categories.Entertainment.id, source: 'rule' });
    expect(others).toEqual([await classifyOne(coffee, other)]);
    expect(others[0].source).not.toBe('rule'); // the first user's rule is theirs alone

    await rules.create(other, {
      name: 'Coffee is food',
      conditions: [{ field: 'description', operator: 'contains', value: 'coffee' }],
      categoryId: theirs.Dining.id,
    });
    expect((await ask())[1][0]).toMatchObject({ categoryId: theirs.Dining.id, source: 'rule' });
  });

  it('applies the user’s rules before anything else', async () => {
    await fileByHand(categories.Dining, 'BLUE BOTTLE COFFEE 1', 'BLUE BOTTLE COFFEE 2');
    const rule = await rules.create(user, {
      name: 'Coffee is a treat',
      conditions: [{ field: 'merchant', operator: 'equals', value: 'blue bottle' }],
      categoryId: categories.Entertainment.id,
    });
    await rules.create(user, {
      name: 'Disabled',
      enabled: false,
      priority: 1000,
      conditions: [{ field: 'description', operator: 'contains', value: 'coffee' }],
      categoryId: categories.Other.id,
    });

    expect(await classifyOne(spent('BLUE BOTTLE COFFEE 3', 'Blue Bottle'))).toEqual({
      categoryId: categories.Entertainment.id,
      source: 'rule',
      confidence: 1,
      reason: `rule ${rule.id} "Coffee is a treat"`,
    });
    expect((await classifyOne(spent('BLUE BOTTLE COFFEE 3'))).source).toBe('learned');
  });

  it('answers one prediction per item, in order', async () => {
    const predictions = await classification.classify(user, [spent('UBER *TRIP'), spent('ZZZ'), spent('UBER EATS')]);
    expect(predictions.map((prediction) => prediction.categoryId)).toEqual([
      categories.Transport.id,
      null,
      categories.Dining.id,
    ]);
  });

  describe('suggestions', () => {
    it('gives up to three distinct categories across stages, most confident first', async () => {
      await fileByHand(categories.Shopping, 'AMAZON MKTP 1', 'AMAZON MKTP 2', 'AMAZON MKTP 3');
      await fileByHand(categories.Entertainment, 'AMAZON MKTP PRIME VIDEO');
      await fileByHand(categories.Groceries, 'TESCO STORES');
      const transaction = app.ledger.addTransaction(user, { description: 'AMAZON MKTP 4', amount: '-20.00' });

      const suggestions = await classification.suggestions(user, transaction.id);

      expect(suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(suggestions.map((suggestion) => suggestion.categoryId)).size).toBe(suggestions.length);
      expect(suggestions[0]).toEqual({
        categoryId: categories.Shopping.id,
        source: 'learned',
        confidence: 0.75,
        reason: 'merchant "amazon mktp" → 3 of 4 times',
      });
      expect(suggestions.map((suggestion) => suggestion.categoryId)).toContain(categories.Entertainment.id);
      const confidences = suggestions.map((suggestion) => suggestion.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    });

    it('is not found for another user’s transaction, as the ledger says', async () => {
      const theirs = app.ledger.addTransaction(newUserId(), { description: 'TESCO', amount: '-1.00' });
      await expectDomainError(classification.suggestions(user, theirs.id), ErrorCode.TRANSACTION_NOT_FOUND);
    });
  });
});
