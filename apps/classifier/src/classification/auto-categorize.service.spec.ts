import { CategoryView, ErrorCode, LEDGER, TransactionView } from '@finstack/contracts';
import { v4 as uuidv4 } from 'uuid';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { expectDomainError } from '../testing/expect-domain-error';
import { AutoCategorizeService } from './auto-categorize.service';

describe('AutoCategorizeService', () => {
  let app: ClassifierTestApp;
  let autoCategorize: AutoCategorizeService;
  let user: string;
  let categories: Record<string, CategoryView>;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    autoCategorize = app.get(AutoCategorizeService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categories = app.ledger.openAccount(user);
  });

  const add = (description: string, fields: Partial<TransactionView> = {}) =>
    app.ledger.addTransaction(user, { description, amount: '-10.00', ...fields });

  it('categorises all of the user’s uncategorised transactions, recording source, confidence and reason', async () => {
    const tesco = add('POS TESCO STORES 3297');
    const unknown = add('ZYX HOLDINGS');
    const byHand = add('UBER *TRIP', { categoryId: categories.Other.id });
    const byModel = add('SHELL 0042', { categoryId: categories.Shopping.id, categorySource: 'model' });

    const result = await autoCategorize.run({ userId: user });

    expect(result).toEqual({ examined: 2, categorized: 1, skippedManual: 0, undecided: 1 });
    expect(app.ledger.transaction(tesco.id)).toMatchObject({
      categoryId: categories.Groceries.id,
      categorySource: 'model',
      categoryConfidence: expect.any(Number),
      categoryReason: 'starter lexicon: "tesco"',
    });
    expect(app.ledger.transaction(unknown.id).categoryId).toBeNull();
    expect(app.ledger.transaction(byHand.id)).toMatchObject({ categoryId: categories.Other.id, categorySource: 'manual' });
    expect(app.ledger.transaction(byModel.id).categoryId).toBe(categories.Shopping.id);
  });

  it('re-decides automatic categories with uncategorizedOnly false, never manual ones', async () => {
    const byModel = add('SHELL 0042', { categoryId: categories.Shopping.id, categorySource: 'model' });
    const byHand = add('UBER *TRIP', { categoryId: categories.Other.id });

    const result = await autoCategorize.run({ userId: user, uncategorizedOnly: false });

    expect(result).toEqual({ examined: 2, categorized: 1, skippedManual: 1, undecided: 0 });
    expect(app.ledger.transaction(byModel.id).categoryId).toBe(categories.Transport.id);
    expect(app.ledger.transaction(byHand.id).categoryId).toBe(categories.Other.id);
  });

  it('categorises only the transactions named, skipping manual ones', async () => {
    const named = add('NETFLIX.COM');
    const byHand = add('SPOTIFY', { categoryId: categories.Other.id });
    const other = add('TESCO STORES');

    const result = await autoCategorize.run({ userId: user, transactionIds: [named.id, byHand.id] });

    expect(result).toEqual({ examined: 2, categorized: 1, skippedManual: 1, undecided: 0 });
    expect(app.ledger.transaction(named.id).categoryId).toBe(categories.Entertainment.id);
    expect(app.ledger.transaction(other.id).categoryId).toBeNull();
  });

  it('categorises the transactions of one import, a page at a time', async () => {
    const importId = uuidv4();
    for (let index = 0; index < 450; index += 1) add(`LIDL GB ${index}`, { importId });
    const outside = add('LIDL GB');

    const result = await autoCategorize.run({ userId: user, importId });

    expect(result).toEqual({ examined: 450, categorized: 450, skippedManual: 0, undecided: 0 });
    expect(app.ledger.transaction(outside.id).categoryId).toBeNull();
    expect(app.ledger.count(LEDGER.listTransactions, user)).toBe(3);
    expect(app.ledger.count(LEDGER.setCategories, user)).toBe(3);
  });

  it('fails whole when a named transaction is not the user’s', async () => {
    const mine = add('NETFLIX.COM');
    const theirs = app.ledger.addTransaction(newUserId(), { description: 'NETFLIX.COM', amount: '-1.00' });
    await expectDomainError(
      autoCategorize.run({ userId: user, transactionIds: [mine.id, theirs.id] }),
      ErrorCode.TRANSACTION_NOT_FOUND,
    );
    expect(app.ledger.transaction(mine.id).categoryId).toBeNull();
  });
});
