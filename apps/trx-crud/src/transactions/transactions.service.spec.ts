import { CreateTransactionBody, ErrorCode } from '@finstack/contracts';
import { CategoriesService } from '../categories/categories.service';
import { expectDomainError } from '../testing/expect-domain-error';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { TransactionEntity } from './transaction.entity';
import { TransactionsService } from './transactions.service';

const coffee: CreateTransactionBody = {
  occurredOn: '2025-03-14',
  amount: '-4.5',
  currency: 'USD',
  description: 'Coffee',
  merchant: 'Blue Bottle',
};

describe('TransactionsService', () => {
  let app: LedgerTestApp;
  let transactions: TransactionsService;
  let categories: CategoriesService;
  let user: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    transactions = app.get(TransactionsService);
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });

  const countRows = () => app.dataSource.manager.countBy(TransactionEntity, { userId: user });

  describe('create', () => {
    it('stores the amount exactly and shows it with the currency’s own decimals', async () => {
      const usd = await transactions.create(user, coffee);
      const jpy = await transactions.create(user, { ...coffee, amount: '-1500', currency: 'JPY' });
      const kwd = await transactions.create(user, { ...coffee, amount: '2.25', currency: 'KWD' });

      expect(usd).toMatchObject({ replayed: false, transaction: { amount: '-4.50', currency: 'USD' } });
      expect(jpy.transaction.amount).toBe('-1500');
      expect(kwd.transaction.amount).toBe('2.250');
      expect(await transactions.get(user, usd.transaction.id)).toEqual(usd.transaction);
      const stored = await app.dataSource.manager.findOneByOrFail(TransactionEntity, { id: kwd.transaction.id });
      expect(stored.amountMinor).toBe(2250n);
    });

    it('answers with the whole transaction, timestamps in ISO 8601 UTC', async () => {
      const { transaction } = await transactions.create(user, coffee);
      expect(transaction).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
        occurredOn: '2025-03-14',
        amount: '-4.50',
        currency: 'USD',
        description: 'Coffee',
        merchant: 'Blue Bottle',
        categoryId: null,
        categorySource: 'none',
        categoryConfidence: null,
        categoryReason: null,
        externalId: null,
        importId: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
    });

    it('marks a category the user chose as manual', async () => {
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      const { transaction } = await transactions.create(user, { ...coffee, categoryId: dining.id });
      expect(transaction).toMatchObject({ categoryId: dining.id, categorySource: 'manual' });
    });

    it('refuses another user’s category as not found, and stores nothing', async () => {
      const theirs = await categories.create(newUserId(), { name: 'Dining', kind: 'expense' });
      await expectDomainError(transactions.create(user, { ...coffee, categoryId: theirs.id }), ErrorCode.CATEGORY_NOT_FOUND);
      expect(await countRows()).toBe(0);
    });

    it('keeps externalId unique per user, not across users', async () => {
      await transactions.create(user, { ...coffee, externalId: 'bank-1' });
      await expectDomainError(
        transactions.create(user, { ...coffee, externalId: 'bank-1' }),
        ErrorCode.EXTERNAL_ID_TAKEN,
      );
      await expect(transactions.create(newUserId(), { ...coffee, externalId: 'bank-1' })).resolves.toBeDefined();
      expect(await countRows()).toBe(1);
    });
  });

  describe('create with an Idempotency-Key', () => {
    it('replays the first answer for a retry and stores the transaction once', async () => {
      const first = await transactions.create(user, { ...coffee, externalId: 'bank-7' }, 'key-1');
      const retry = await transactions.create(user, { ...coffee, externalId: 'bank-7' }, 'key-1');
      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ transaction: first.transaction, replayed: true });
      expect(await countRows()).toBe(1);
    });

    it('gives concurrent retries the same transaction', async () => {
      const answers = await Promise.all([1, 2, 3].map(() => transactions.create(user, coffee, 'key-2')));
      expect(new Set(answers.map((answer) => answer.transaction.id)).size).toBe(1);
      expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
      expect(await countRows()).toBe(1);
    });

    it('refuses the same key for a different request with 422, storing nothing more', async () => {
      await transactions.create(user, coffee, 'key-3');
      const error = await expectDomainError(
        transactions.create(user, { ...coffee, amount: '-5.00' }, 'key-3'),
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
      );
      expect(error.status).toBe(422);
      expect(await countRows()).toBe(1);
    });

    it('scopes keys to their user, and tells keys apart by case', async () => {
      const mine = await transactions.create(user, coffee, 'key-4');
      const theirs = await transactions.create(newUserId(), coffee, 'key-4');
      const otherCase = await transactions.create(user, coffee, 'KEY-4');
      expect(theirs.replayed).toBe(false);
      expect(otherCase.replayed).toBe(false);
      expect(new Set([mine, theirs, otherCase].map((answer) => answer.transaction.id)).size).toBe(3);
    });

    it('lets a key be used again once it has expired', async () => {
      const first = await transactions.create(user, coffee, 'key-5');
      await app.dataSource.manager.update(
        IdempotencyKeyEntity,
        { userId: user, idempotencyKey: 'key-5' },
        { expiresAt: new Date(Date.now() - 1000) },
      );
      const again = await transactions.create(user, { ...coffee, amount: '-9.99' }, 'key-5');
      expect(again.replayed).toBe(false);
      expect(again.transaction.id).not.toBe(first.transaction.id);
      expect(await transactions.create(user, { ...coffee, amount: '-9.99' }, 'key-5')).toMatchObject({ replayed: true });
    });

    it('stores no key when the request fails, so a corrected retry can succeed', async () => {
      await transactions.create(user, { ...coffee, externalId: 'bank-9' });
      await expectDomainError(
        transactions.create(user, { ...coffee, externalId: 'bank-9' }, 'key-6'),
        ErrorCode.EXTERNAL_ID_TAKEN,
      );
      expect(await app.dataSource.manager.countBy(IdempotencyKeyEntity, { userId: user })).toBe(0);
    });
  });

  describe('update', () => {
    it('changes only the fields sent, and null clears merchant, category and externalId', async () => {
      const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
      const { transaction } = await transactions.create(user, { ...coffee, categoryId: dining.id, externalId: 'e-1' });

      const renamed = await transactions.update(user, transaction.id, { description: 'Latte' });
      expect(renamed).toMatchObject({ description: 'Latte', merchant: 'Blue Bottle', categoryId: dining.id });

      const cleared = await transactions.update(user, transaction.id, {
        merchant: null,
        categoryId: null,
        externalId: null,
      });
      expect(cleared).toMatchObject({ merchant: null, categoryId: null, categorySource: 'none', externalId: null });
      expect(await transactions.get(user, transaction.id)).toEqual(cleared);
    });

    it('marks a category set by the user as manual', async () => {
      const travel = await categories.create(user, { name: 'Travel', kind: 'expense' });
      const { transaction } = await transactions.create(user, coffee);
      expect(await transactions.update(user, transaction.id, { categoryId: travel.id })).toMatchObject({
        categoryId: travel.id,
        categorySource: 'manual',
      });
    });

    it('checks amount and currency together against what is stored', async () => {
      const { transaction } = await transactions.create(user, { ...coffee, amount: '-12.00' });
      expect(await transactions.update(user, transaction.id, { currency: 'JPY' })).toMatchObject({ amount: '-12' });
      await expectDomainError(transactions.update(user, transaction.id, { amount: '-1.5' }), ErrorCode.VALIDATION_FAILED);
      expect(await transactions.update(user, transaction.id, { amount: '-1.5', currency: 'EUR' })).toMatchObject({
        amount: '-1.50',
        currency: 'EUR',
      });
      await expectDomainError(transactions.update(user, transaction.id, { currency: 'JPY' }), ErrorCode.VALIDATION_FAILED);
      expect(await transactions.update(user, transaction.id, { currency: 'KWD' })).toMatchObject({ amount: '-1.500' });
      expect((await transactions.get(user, transaction.id)).currency).toBe('KWD');
    });

    it('refuses an empty update, another user’s category and a taken externalId', async () => {
      await transactions.create(user, { ...coffee, externalId: 'taken' });
      const { transaction } = await transactions.create(user, coffee);
      const theirs = await categories.create(newUserId(), { name: 'Dining', kind: 'expense' });
      await expectDomainError(transactions.update(user, transaction.id, {}), ErrorCode.VALIDATION_FAILED);
      await expectDomainError(
        transactions.update(user, transaction.id, { categoryId: theirs.id }),
        ErrorCode.CATEGORY_NOT_FOUND,
      );
      await expectDomainError(
        transactions.update(user, transaction.id, { externalId: 'taken' }),
        ErrorCode.EXTERNAL_ID_TAKEN,
      );
      expect(await transactions.get(user, transaction.id)).toEqual(transaction);
    });
  });

  it('deletes a transaction for good', async () => {
    const { transaction } = await transactions.create(user, coffee);
    expect(await transactions.delete(user, transaction.id)).toEqual({ id: transaction.id });
    await expectDomainError(transactions.get(user, transaction.id), ErrorCode.TRANSACTION_NOT_FOUND);
    await expectDomainError(transactions.delete(user, transaction.id), ErrorCode.TRANSACTION_NOT_FOUND);
  });

  it('treats another user’s transaction as not found, and leaves it alone', async () => {
    const owner = newUserId();
    const { transaction } = await transactions.create(owner, coffee);
    await expectDomainError(transactions.get(user, transaction.id), ErrorCode.TRANSACTION_NOT_FOUND);
    await expectDomainError(
      transactions.update(user, transaction.id, { description: 'mine now' }),
      ErrorCode.TRANSACTION_NOT_FOUND,
    );
    await expectDomainError(transactions.delete(user, transaction.id), ErrorCode.TRANSACTION_NOT_FOUND);
    expect(await transactions.get(owner, transaction.id)).toEqual(transaction);
  });
});
