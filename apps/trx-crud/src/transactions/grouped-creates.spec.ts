import { AutoCategory, CreatedTransaction, CreateTransactionBody, ErrorCode } from '@finstack/contracts';
import { DomainError } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { CategoriesService } from '../categories/categories.service';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { createLedgerTestApp, LedgerTestApp, newUserId } from '../testing/ledger-test-app';
import { GroupedCreates } from './grouped-creates';
import { TransactionEntity } from './transaction.entity';
import { TransactionsService } from './transactions.service';

const coffee: CreateTransactionBody = {
  occurredOn: '2025-03-14',
  amount: '-4.5',
  currency: 'USD',
  description: 'Coffee',
  merchant: 'Blue Bottle',
};

describe('GroupedCreates', () => {
  let app: LedgerTestApp;
  let creates: GroupedCreates;
  let categories: CategoriesService;
  let user: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    creates = app.get(GroupedCreates);
    categories = app.get(CategoriesService);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
  });
  afterEach(() => jest.restoreAllMocks());

  const rowsOf = (userId: string) => app.dataSource.manager.findBy(TransactionEntity, { userId });
  const settled = (answers: Promise<CreatedTransaction>[]) => Promise.allSettled(answers);

  it('writes creates that arrive together in fewer database transactions than creates, each answered as alone', async () => {
    const runs = jest.spyOn(app.get(TransactionRunner), 'run');
    const dining = await categories.create(user, { name: 'Dining', kind: 'expense' });
    runs.mockClear();
    const auto: AutoCategory = { categoryId: dining.id, source: 'rule', confidence: 0.9, reason: 'rule “coffee”' };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        creates.create({ userId: user, body: { ...coffee, amount: `-${i + 1}.00` }, ...(i % 3 === 0 ? { autoCategory: auto } : {}) }),
      ),
    );

    expect(runs.mock.calls.length).toBeLessThan(10);
    expect(answers.map((answer) => answer.replayed)).toEqual(Array(30).fill(false));
    expect(answers[0].transaction).toMatchObject({ amount: '-1.00', categoryId: dining.id, categorySource: 'rule', categoryConfidence: 0.9, categoryReason: 'rule “coffee”' });
    expect(answers[1].transaction).toMatchObject({ amount: '-2.00', categoryId: null, categorySource: 'none', categoryReason: null });
    const stored = await rowsOf(user);
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(answers.map((answer) => answer.transaction.id)));
  });

  it('refuses only the create whose category is another user’s; the rest of its batch is stored', async () => {
    const theirs = await categories.create(newUserId(), { name: 'Dining', kind: 'expense' });
    const results = await settled([
      creates.create({ userId: user, body: coffee }),
      creates.create({ userId: user, body: { ...coffee, categoryId: theirs.id } }),
      creates.create({ userId: user, body: { ...coffee, amount: '-7.00' } }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((results[1] as PromiseRejectedResult).reason as DomainError).code).toBe(ErrorCode.CATEGORY_NOT_FOUND);
    expect((await rowsOf(user)).map((row) => String(row.amountMinor)).sort()).toEqual(['-450', '-700']);
  });

  it('stores one of two creates with the same externalId in one batch and refuses the other, losing none of the batch', async () => {
    const results = await settled([
      creates.create({ userId: user, body: { ...coffee, externalId: 'bank-1' } }),
      creates.create({ userId: user, body: { ...coffee, externalId: 'bank-2' } }),
      creates.create({ userId: user, body: { ...coffee, externalId: 'bank-1' } }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused.map((result) => ((result as PromiseRejectedResult).reason as DomainError).code)).toEqual([ErrorCode.EXTERNAL_ID_TAKEN]);
    expect((await rowsOf(user)).map((row) => row.externalId).sort()).toEqual(['bank-1', 'bank-2']);
  });

  it('gives twins with one Idempotency-Key in one batch one transaction, the second answer replayed', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => creates.create({ userId: user, body: coffee, idempotencyKey: 'key-1' })));

    expect(new Set(answers.map((answer) => answer.transaction.id)).size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(await rowsOf(user)).toHaveLength(1);
  });

  it('replays a key answered in an earlier batch, refuses it for another request, and keeps each user’s keys apart', async () => {
    const other = newUserId();
    const [first] = await Promise.all([
      creates.create({ userId: user, body: coffee, idempotencyKey: 'key-2' }),
      creates.create({ userId: other, body: coffee, idempotencyKey: 'key-2' }),
    ]);
    const [retry, reused, theirs] = await settled([
      creates.create({ userId: user, body: coffee, idempotencyKey: 'key-2' }),
      creates.create({ userId: user, body: { ...coffee, amount: '-9.00' }, idempotencyKey: 'key-2' }),
      creates.create({ userId: other, body: coffee, idempotencyKey: 'key-3' }),
    ]);

    expect(retry).toEqual({ status: 'fulfilled', value: { transaction: first.transaction, replayed: true } });
    expect(((reused as PromiseRejectedResult).reason as DomainError).code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    expect(theirs.status).toBe('fulfilled');
    expect(await rowsOf(user)).toHaveLength(1);
    expect(await rowsOf(other)).toHaveLength(2);
    const keys = await app.dataSource.manager.findBy(IdempotencyKeyEntity, { userId: user });
    expect(keys.map((key) => JSON.parse(key.responseBody) as unknown)).toEqual([first.transaction]);
  });

  it('answers as TransactionsService would for the same creates one by one', async () => {
    const alone = await app.get(TransactionsService).create(user, { ...coffee, externalId: 'x-1' });
    const [together] = await Promise.all([
      creates.create({ userId: user, body: { ...coffee, externalId: 'x-2' } }),
      creates.create({ userId: user, body: { ...coffee, externalId: 'x-3' } }),
    ]);
    const fields = ({ id: _id, createdAt: _c, updatedAt: _u, externalId: _e, ...rest }: typeof alone.transaction) => rest;
    expect(fields(together.transaction)).toEqual(fields(alone.transaction));
  });
});
