import { CategoryAssignment, CategoryView, CreateTransactionBody, ErrorCode, TransactionView } from '@finstack/contracts';
import { CategoriesService } from '../categories/categories.service';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { TransactionCategoriesService } from './transaction-categories.service';
import { TransactionsService } from './transactions.service';

const lunch: CreateTransactionBody = { occurredOn: '2025-03-14', amount: '-12.00', currency: 'EUR', description: 'Lunch' };

describe('TransactionCategoriesService', () => {
  let app: LedgerTestApp;
  let service: TransactionCategoriesService;
  let transactions: TransactionsService;
  let categories: CategoriesService;
  let user: string;
  let dining: CategoryView;
  let travel: CategoryView;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    service = app.get(TransactionCategoriesService);
    transactions = app.get(TransactionsService);
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    user = newUserId();
    dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
    travel = await categories.create(user, { name: 'Travel', kind: 'expense' });
  });

  const add = async (fields: Partial<CreateTransactionBody> = {}): Promise<TransactionView> =>
    (await transactions.create(user, { ...lunch, ...fields })).transaction;
  const byRule = (transactionId: string, categoryId: string | null, confidence = 0.9): CategoryAssignment => ({
    transactionId,
    categoryId,
    source: 'rule',
    confidence,
    reason: 'rule 7: description contains "lunch"',
  });
  const byHand = (transactionId: string, categoryId: string | null): CategoryAssignment => ({
    transactionId,
    categoryId,
    source: 'manual',
  });

  describe('create with the classifier’s choice', () => {
    it('stores the automatic category with its source, confidence and reason', async () => {
      const { transaction } = await transactions.create(user, lunch, undefined, {
        categoryId: dining.id,
        source: 'model',
        confidence: 0.82,
        reason: 'tokens: lunch',
      });
      expect(transaction).toMatchObject({
        categoryId: dining.id,
        categorySource: 'model',
        categoryConfidence: 0.82,
        categoryReason: 'tokens: lunch',
      });
      expect(await transactions.get(user, transaction.id)).toEqual(transaction);
    });

    it('lets a category named in the body win, as a manual choice', async () => {
      const { transaction } = await transactions.create(user, { ...lunch, categoryId: travel.id }, undefined, {
        categoryId: dining.id,
        source: 'rule',
        confidence: 1,
        reason: 'rule',
      });
      expect(transaction).toMatchObject({
        categoryId: travel.id,
        categorySource: 'manual',
        categoryConfidence: null,
        categoryReason: null,
      });
    });

    it('refuses another user’s category as not found, storing nothing', async () => {
      const theirs = await categories.create(newUserId(), { name: 'Dining', kind: 'expense' });
      await expectDomainError(
        transactions.create(user, lunch, undefined, { categoryId: theirs.id, source: 'rule', confidence: 1, reason: 'x' }),
        ErrorCode.CATEGORY_NOT_FOUND,
      );
      expect(await service.getMany(user, [theirs.id])).toEqual([]);
    });

    it('replays the stored transaction for a retry, whatever the classifier now says', async () => {
      const auto = { categoryId: dining.id, source: 'model' as const, confidence: 0.6, reason: 'tokens: lunch' };
      const first = await transactions.create(user, lunch, 'key-1', auto);
      const retry = await transactions.create(user, lunch, 'key-1', { ...auto, categoryId: travel.id, confidence: 0.7 });
      expect(retry).toEqual({ transaction: first.transaction, replayed: true });
    });
  });

  describe('getMany', () => {
    it('returns the user’s transactions in the order asked, leaving out others’ and missing ones', async () => {
      const [a, b] = [await add({ description: 'a' }), await add({ description: 'b' })];
      const theirs = (await transactions.create(newUserId(), lunch)).transaction;
      const missing = '0195a0b0-0000-7000-8000-000000000000';
      const found = await service.getMany(user, [b.id, theirs.id, missing, a.id.toUpperCase(), b.id]);
      expect(found).toEqual([b, a]);
    });
  });

  describe('setCategories', () => {
    it('applies a manual choice always, and an automatic one never over a manual one', async () => {
      const manual = await add({ categoryId: dining.id });
      const auto = await add();

      const result = await service.setCategories(user, [byRule(manual.id, travel.id), byRule(auto.id, travel.id, 0.75)]);

      expect(result).toEqual({ updated: [auto.id], skippedManual: [manual.id] });
      expect(await transactions.get(user, manual.id)).toEqual(manual);
      expect(await transactions.get(user, auto.id)).toMatchObject({
        categoryId: travel.id,
        categorySource: 'rule',
        categoryConfidence: 0.75,
        categoryReason: 'rule 7: description contains "lunch"',
      });
    });

    it('keeps a manual choice made after the classifier read the transaction', async () => {
      const transaction = await add();
      const [seenByClassifier] = await service.getMany(user, [transaction.id]);
      expect(seenByClassifier.categorySource).toBe('none');
      await service.setCategories(user, [byHand(transaction.id, dining.id)]); // the user, meanwhile

      const result = await service.setCategories(user, [byRule(transaction.id, travel.id)]);

      expect(result.skippedManual).toEqual([transaction.id]);
      expect(await transactions.get(user, transaction.id)).toMatchObject({ categoryId: dining.id, categorySource: 'manual' });
    });

    it('lets an automatic category replace another automatic one, and a manual one replace anything', async () => {
      const transaction = await add();
      await service.setCategories(user, [byRule(transaction.id, travel.id)]);
      await service.setCategories(user, [{ ...byRule(transaction.id, dining.id, 0.5), source: 'model', reason: 'tokens' }]);
      expect(await transactions.get(user, transaction.id)).toMatchObject({ categoryId: dining.id, categorySource: 'model' });

      await service.setCategories(user, [{ ...byHand(transaction.id, travel.id), confidence: 0.3, reason: 'ignored' }]);

      expect(await transactions.get(user, transaction.id)).toMatchObject({
        categoryId: travel.id,
        categorySource: 'manual',
        categoryConfidence: null,
        categoryReason: null,
      });
    });

    it('clears a category with null: source none; an automatic clear leaves a manual choice alone', async () => {
      const [auto, manual] = [await add(), await add({ categoryId: dining.id })];
      await service.setCategories(user, [byRule(auto.id, travel.id)]);

      expect(await service.setCategories(user, [byRule(auto.id, null), byRule(manual.id, null)])).toEqual({
        updated: [auto.id],
        skippedManual: [manual.id],
      });
      expect(await transactions.get(user, auto.id)).toMatchObject({
        categoryId: null,
        categorySource: 'none',
        categoryConfidence: null,
        categoryReason: null,
      });

      await service.setCategories(user, [byHand(manual.id, null)]);
      expect(await transactions.get(user, manual.id)).toMatchObject({ categoryId: null, categorySource: 'none' });
    });

    it('changes updatedAt of the rows it updates only', async () => {
      const [changed, skipped] = [await add(), await add({ categoryId: dining.id })];
      await new Promise((resolve) => setTimeout(resolve, 5));
      await service.setCategories(user, [byRule(changed.id, travel.id), byRule(skipped.id, travel.id)]);
      expect((await transactions.get(user, changed.id)).updatedAt > changed.updatedAt).toBe(true);
      expect((await transactions.get(user, skipped.id)).updatedAt).toBe(skipped.updatedAt);
    });

    it('is all or nothing: another user’s transaction or category fails the message with 404', async () => {
      const mine = await add();
      const theirTransaction = (await transactions.create(newUserId(), lunch)).transaction;
      const theirCategory = await categories.create(newUserId(), { name: 'Theirs', kind: 'expense' });

      const error = await expectDomainError(
        service.setCategories(user, [byHand(mine.id, dining.id), byHand(theirTransaction.id, dining.id)]),
        ErrorCode.TRANSACTION_NOT_FOUND,
      );
      expect(error.details).toEqual({ transactionIds: [theirTransaction.id] });
      await expectDomainError(
        service.setCategories(user, [byHand(mine.id, dining.id), byRule(mine.id, theirCategory.id)]),
        ErrorCode.CATEGORY_NOT_FOUND,
      );
      await expectDomainError(
        service.setCategories(user, [byRule(mine.id, travel.id), byHand(mine.id, theirCategory.id)]),
        ErrorCode.CATEGORY_NOT_FOUND,
      );

      expect(await transactions.get(user, mine.id)).toEqual(mine);
      expect(await service.getMany(newUserId(), [theirTransaction.id])).toEqual([]);
    });

    it('refuses source none with a category', async () => {
      const transaction = await add();
      await expectDomainError(
        service.setCategories(user, [{ transactionId: transaction.id, categoryId: dining.id, source: 'none' }]),
        ErrorCode.VALIDATION_FAILED,
      );
    });

    it('handles a full message of 1000 assignments, the last one for a transaction winning', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 500; i += 1) ids.push((await add({ description: `t${i}` })).id);
      await service.setCategories(user, ids.slice(0, 100).map((id) => byHand(id, dining.id)));
      const assignments = [
        ...ids.map((id) => byRule(id, dining.id, 0.1)),
        ...ids.map((id, i) => byRule(id, i % 2 ? travel.id : dining.id, i / 1000)),
      ];

      const result = await service.setCategories(user, assignments);

      expect(result.skippedManual).toEqual(ids.slice(0, 100));
      expect(result.updated).toEqual(ids.slice(100));
      const stored = await service.getMany(user, ids);
      expect(stored[101]).toMatchObject({ categoryId: travel.id, categorySource: 'rule', categoryConfidence: 0.101 });
      expect(stored[102]).toMatchObject({ categoryId: dining.id, categoryConfidence: 0.102 });
      expect(stored[1]).toMatchObject({ categoryId: dining.id, categorySource: 'manual', categoryConfidence: null });
    });
  });
});
