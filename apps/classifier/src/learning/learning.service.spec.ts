import { CategoryView, ErrorCode } from '@finstack/contracts';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { KnowledgeStore } from './knowledge-store';
import { LearningService } from './learning.service';

describe('LearningService', () => {
  let app: ClassifierTestApp;
  let learning: LearningService;
  let knowledge: KnowledgeStore;
  let user: string;
  let categories: Record<string, CategoryView>;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    learning = app.get(LearningService);
    knowledge = app.get(KnowledgeStore);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categories = app.ledger.openAccount(user);
  });

  const everything = () => true;
  const remembered = async (payee: string) => (await knowledge.forUser(user)).memory.choices(payee, everything);

  it('sets the category by hand through the ledger and learns from it', async () => {
    const first = app.ledger.addTransaction(user, { description: 'POS SHELL 0042 OXFORD', amount: '-60.00' });
    const second = app.ledger.addTransaction(user, { description: 'SHELL 1177 LEEDS 12/03', amount: '-45.10' });

    const result = await learning.setManualCategory(user, [first.id, second.id], categories.Transport.id);

    expect(result).toEqual({ updated: [first.id, second.id], skippedManual: [] });
    expect(app.ledger.transaction(first.id)).toMatchObject({ categoryId: categories.Transport.id, categorySource: 'manual' });
    expect(await remembered('shell')).toEqual([{ categoryId: categories.Transport.id, times: 2, total: 2 }]);
  });

  it('overrides an automatic category, and forgets a manual choice it corrects', async () => {
    const fuel = app.ledger.addTransaction(user, {
      description: 'TESCO PETROL',
      amount: '-50.00',
      categoryId: categories.Groceries.id,
      categorySource: 'model',
    });
    await learning.setManualCategory(user, [fuel.id], categories.Groceries.id);
    await learning.setManualCategory(user, [fuel.id], categories.Transport.id);

    expect(app.ledger.transaction(fuel.id)).toMatchObject({ categoryId: categories.Transport.id, categorySource: 'manual' });
    expect(await remembered('tesco petrol')).toEqual([{ categoryId: categories.Transport.id, times: 1, total: 1 }]);
  });

  it('does not count the same manual choice twice', async () => {
    const rent = app.ledger.addTransaction(user, { description: 'SO RENT FLAT 2', amount: '-900.00' });
    await learning.setManualCategory(user, [rent.id], categories.Housing.id);
    await learning.setManualCategory(user, [rent.id], categories.Housing.id);
    expect(await remembered('rent flat')).toEqual([{ categoryId: categories.Housing.id, times: 1, total: 1 }]);
  });

  it('clears a category with null, forgetting the choice', async () => {
    const lunch = app.ledger.addTransaction(user, { description: 'PRET A MANGER', amount: '-7.20' });
    await learning.setManualCategory(user, [lunch.id], categories.Dining.id);

    const result = await learning.setManualCategory(user, [lunch.id], null);

    expect(result.updated).toEqual([lunch.id]);
    expect(app.ledger.transaction(lunch.id)).toMatchObject({ categoryId: null, categorySource: 'none' });
    expect(await remembered('pret a')).toEqual([]);
  });

  it('fails whole, learning nothing, when one transaction is not the user’s', async () => {
    const mine = app.ledger.addTransaction(user, { description: 'NETFLIX.COM', amount: '-12.99' });
    const theirs = app.ledger.addTransaction(newUserId(), { description: 'NETFLIX.COM', amount: '-12.99' });
    await expectDomainError(
      learning.setManualCategory(user, [mine.id, theirs.id], categories.Entertainment.id),
      ErrorCode.TRANSACTION_NOT_FOUND,
    );
    expect(app.ledger.transaction(mine.id).categoryId).toBeNull();
    expect(await remembered('netflix com')).toEqual([]);
  });

  it('learns from choices made elsewhere', async () => {
    const result = await learning.learn(user, [
      { description: 'Lunch', merchant: 'Blue Bottle Coffee', categoryId: categories.Dining.id },
      { description: '#1234 00:12', categoryId: categories.Dining.id },
    ]);
    expect(result).toEqual({ learned: 1 });
    expect(await remembered('blue bottle')).toEqual([{ categoryId: categories.Dining.id, times: 1, total: 1 }]);
  });
});
