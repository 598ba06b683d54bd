import { ErrorCode } from '@finstack/contracts';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionEntity } from '../transactions/transaction.entity';
import { TransactionsService } from '../transactions/transactions.service';
import { CategoriesService, MAX_CATEGORIES_PER_USER } from './categories.service';

describe('CategoriesService', () => {
  let app: LedgerTestApp;
  let categories: CategoriesService;
  let transactions: TransactionsService;
  let user: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    categories = app.get(CategoriesService);
    transactions = app.get(TransactionsService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  const fileUnder = async (categoryId: string | undefined, description = 'Lunch') =>
    (
      await transactions.create(user, {
        occurredOn: '2025-03-14',
        amount: '-9.50',
        currency: 'EUR',
        description,
        categoryId,
      })
    ).transaction;

  it('lists a user’s categories by name, without regard to case', async () => {
    await categories.create(user, { name: 'groceries', kind: 'expense' });
    await categories.create(user, { name: 'Salary', kind: 'income', color: '#4caf50' });
    await categories.create(user, { name: 'Dining', kind: 'expense' });
    await categories.create(newUserId(), { name: 'Alpha', kind: 'expense' });

    const listed = await categories.list(user);

    expect(listed.map((category) => category.name)).toEqual(['Dining', 'groceries', 'Salary']);
    expect(listed[2]).toMatchObject({ kind: 'income', color: '#4caf50', createdAt: expect.stringMatching(/Z$/) });
  });

  it('keeps names unique without regard to case or surrounding blanks, per user', async () => {
    await categories.create(user, { name: 'Dining', kind: 'expense' });
    await expectDomainError(categories.create(user, { name: ' DINING ', kind: 'expense' }), ErrorCode.CATEGORY_NAME_TAKEN);
    const travel = await categories.create(user, { name: 'Travel', kind: 'expense' });
    await expectDomainError(categories.update(user, travel.id, { name: 'dining' }), ErrorCode.CATEGORY_NAME_TAKEN);
    await expect(categories.create(newUserId(), { name: 'Dining', kind: 'expense' })).resolves.toBeDefined();
  });

  it(`keeps at most ${MAX_CATEGORIES_PER_USER} categories a user, so the list is one page`, async () => {
    // A new ledger starts with its starter categories; fill it up to the limit.
    let existing = (await categories.list(user)).length;
    for (; existing < MAX_CATEGORIES_PER_USER; existing++) await categories.create(user, { name: `c${existing}`, kind: 'expense' });
    await expectDomainError(categories.create(user, { name: 'one too many', kind: 'expense' }), ErrorCode.CONFLICT);
    expect(await categories.list(user)).toHaveLength(MAX_CATEGORIES_PER_USER);
    await expect(categories.create(newUserId(), { name: 'one too many', kind: 'expense' })).resolves.toBeDefined();
  }, 60_000);

  it('updates only what is sent; null clears the color; renaming to another case of itself is fine', async () => {
    const created = await categories.create(user, { name: 'dining', kind: 'expense', color: '#ff0000' });
    const updated = await categories.update(user, created.id, { name: 'Dining', color: null });
    expect(updated).toMatchObject({ id: created.id, name: 'Dining', kind: 'expense', color: null });
    expect(await categories.get(user, created.id)).toEqual(updated);
    await expectDomainError(categories.update(user, created.id, {}), ErrorCode.VALIDATION_FAILED);
  });

  it('treats another user’s category as not found, and leaves it alone', async () => {
    const owner = newUserId();
    const theirs = await categories.create(owner, { name: 'Secret', kind: 'expense' });
    await expectDomainError(categories.get(user, theirs.id), ErrorCode.CATEGORY_NOT_FOUND);
    await expectDomainError(categories.update(user, theirs.id, { name: 'Mine' }), ErrorCode.CATEGORY_NOT_FOUND);
    await expectDomainError(categories.delete(user, theirs.id), ErrorCode.CATEGORY_NOT_FOUND);
    expect(await categories.get(owner, theirs.id)).toEqual(theirs);
  });

  describe('delete', () => {
    it('deletes an unused category', async () => {
      const unused = await categories.create(user, { name: 'Unused', kind: 'expense' });
      expect(await categories.delete(user, unused.id)).toEqual({ id: unused.id, reassigned: 0 });
      await expectDomainError(categories.get(user, unused.id), ErrorCode.CATEGORY_NOT_FOUND);
    });

    it('refuses a category in use, saying how many transactions use it', async () => {
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      await fileUnder(dining.id);
      await fileUnder(dining.id);

      const error = await expectDomainError(categories.delete(user, dining.id), ErrorCode.CATEGORY_IN_USE);

      expect(error.details).toEqual({ transactions: 2 });
      expect(await categories.get(user, dining.id)).toEqual(dining);
    });

    it('moves the transactions to reassignTo, keeping how each was categorised', async () => {
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      const food = await categories.create(user, { name: 'Food', kind: 'expense' });
      const byHand = await fileUnder(dining.id, 'by hand');
      const byRule = await fileUnder(dining.id, 'by rule');
      await app.dataSource.manager.update(TransactionEntity, { id: byRule.id }, { categorySource: 'rule' });
      const elsewhere = await fileUnder(undefined, 'uncategorised');

      expect(await categories.delete(user, dining.id, food.id)).toEqual({ id: dining.id, reassigned: 2 });

      expect(await transactions.get(user, byHand.id)).toMatchObject({ categoryId: food.id, categorySource: 'manual' });
      expect(await transactions.get(user, byRule.id)).toMatchObject({ categoryId: food.id, categorySource: 'rule' });
      expect(await transactions.get(user, elsewhere.id)).toMatchObject({ categoryId: null });
      await expectDomainError(categories.get(user, dining.id), ErrorCode.CATEGORY_NOT_FOUND);
    });

    it('refuses to reassign to the category itself or to someone else’s, changing nothing', async () => {
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      const theirs = await categories.create(newUserId(), { name: 'Food', kind: 'expense' });
      const lunch = await fileUnder(dining.id);

      await expectDomainError(categories.delete(user, dining.id, dining.id), ErrorCode.VALIDATION_FAILED);
      await expectDomainError(categories.delete(user, dining.id, theirs.id), ErrorCode.CATEGORY_NOT_FOUND);

      expect(await categories.get(user, dining.id)).toEqual(dining);
      expect(await transactions.get(user, lunch.id)).toEqual(lunch);
    });
  });
});
